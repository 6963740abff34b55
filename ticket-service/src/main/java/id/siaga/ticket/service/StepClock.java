package id.siaga.ticket.service;

import id.siaga.ticket.domain.Severity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** Turns a step's time standard into the moment the step falls due. */
@ApplicationScoped
public class StepClock {

    /**
     * @param start    when the step started
     * @param standard the upper bound of the step's time standard
     * @param severity the ticket's severity
     * @return when the step is due
     */
    public Instant dueAt(Instant start, Duration standard, Severity severity) {
        return start.plus(standard);
    }
}
