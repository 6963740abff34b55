package id.siaga.ticket.office;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.siaga.ticket.domain.CheckStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an office tells its upstream every interval: numbers only (no names of people, no ticket text unless the
 * office turned on ticket titles). An upstream that itself reports upward forwards every summary its offices sent,
 * once each, in {@code offices}.
 */
@Schema(description = "An office's summary for its upstream SIAGA (numbers only; ticket titles only when the office allows)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficeSummary(
        @NotNull @Schema(description = "Unique id of this summary; a repeat is stored once") UUID summaryId,
        @NotNull @Valid OfficeRef office,
        @NotNull @Schema(description = "The start of the interval the summary is for") Instant generatedAt,
        @Min(1) @Schema(description = "The office's summary interval, in seconds") long intervalSeconds,
        @Min(0) @Schema(description = "Older summaries dropped from the office's outbox (thinned to one per hour during a long outage) since the previous summary")
        long thinnedBefore,
        @NotNull @Size(max = 100) List<@Valid @NotNull ServerGroup> servers,
        @NotNull @Size(max = 100) List<@Valid @NotNull StepTickets> tickets,
        @NotNull @Valid Escalations escalations,
        @NotNull @Valid Compliance compliance,
        @Min(0) @Schema(description = "Findings the office's agents observed during the interval") long findingsIngested,
        @NotNull @Size(max = 100) List<@Valid @NotNull VersionCount> agentVersions,
        @Size(max = 10000) @Schema(description = "Open tickets' numbers, steps and titles; only when the office sets SIAGA_UPSTREAM_INCLUDE_TICKET_TITLES=true")
        List<@Valid @NotNull TicketTitle> ticketTitles,
        @Size(max = 1000) @Schema(description = "On a chained upstream: summaries its offices sent that it has not forwarded before, "
                + "each once, in the order it received them")
        List<@Valid @NotNull OfficeSummary> offices) {

    /**
     * The most any count of a summary may be (servers, tickets, escalations, step visits): far above any office, and
     * low enough that the sums an upstream stores (open faults, overdue steps, open escalations over at most 100
     * entries) stay whole numbers PostgreSQL's {@code integer} holds.
     */
    public static final long MAX_COUNT = 1_000_000;

    /** Regional codes: digits, letters, dots and dashes, as in {@code 13.01}. */
    public static final String CODE_PATTERN = "[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}";

    /** @param code regional code, @param name office name */
    public record OfficeRef(@NotBlank @Pattern(regexp = CODE_PATTERN) String code, @NotBlank @Size(max = 200) String name) {
    }

    /**
     * The servers of one role.
     *
     * @param worstStatus   worst current check status of the servers not in maintenance (OK, WARN, CRIT, UNKNOWN), or
     *                      null before any report
     * @param worstSince    since when the worst failing check fails; null when OK
     * @param reporting     servers whose agent reports
     * @param silent        servers whose agent stopped reporting
     * @param inMaintenance servers in a maintenance window now
     */
    public record ServerGroup(@NotBlank @Size(max = 20) String application, @NotBlank @Size(max = 20) String role,
            @Pattern(regexp = "OK|WARN|CRIT|UNKNOWN") String worstStatus, Instant worstSince,
            @Min(0) @Max(MAX_COUNT) long servers, @Min(0) @Max(MAX_COUNT) long reporting,
            @Min(0) @Max(MAX_COUNT) long silent, @Min(0) @Max(MAX_COUNT) long inMaintenance) {
    }

    /** Open tickets at one SOP step and how many of them are past the step's time standard. */
    public record StepTickets(@NotBlank @Size(max = 40) String step, @Min(0) @Max(MAX_COUNT) long open,
            @Min(0) @Max(MAX_COUNT) long overdue) {
    }

    /** Open escalations per level and when the oldest unacknowledged one was made (null when none). */
    public record Escalations(@NotNull @Size(max = 10) List<@Valid @NotNull LevelCount> open, Instant oldestUnacknowledgedAt) {
    }

    /** Open escalations at one level. */
    public record LevelCount(@Min(1) @Max(9) int level, @Min(0) @Max(MAX_COUNT) long count) {
    }

    /** The month's SOP compliance, as the monthly report computes it. */
    public record Compliance(@NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{2}") String month,
            @NotNull @Size(max = 100) List<@Valid @NotNull StepCompliance> steps) {

        /** @return the share of step visits completed within their standard, between 0 and 1; null when none had one */
        public Double withinShare() {
            long with = steps.stream().mapToLong(StepCompliance::withStandard).sum();
            return with == 0 ? null : (double) steps.stream().mapToLong(StepCompliance::withinStandard).sum() / with;
        }
    }

    /** Step visits completed this month: count, median and p90 time in seconds, how many had and met a standard. */
    public record StepCompliance(@NotBlank @Size(max = 40) String step, @Min(0) @Max(MAX_COUNT) long count,
            @Min(0) double medianSeconds, @Min(0) double p90Seconds, @Min(0) @Max(MAX_COUNT) long withStandard,
            @Min(0) @Max(MAX_COUNT) long withinStandard) {
    }

    /** Servers whose agent reported this version. */
    public record VersionCount(@NotBlank @Size(max = 100) String version, @Min(0) @Max(MAX_COUNT) long servers) {
    }

    /** An open ticket, sent only with ticket titles turned on. */
    public record TicketTitle(@NotBlank @Size(max = 30) String number, @NotBlank @Size(max = 40) String step,
            @NotBlank @Size(max = 200) String title) {
    }

    /** @return this summary without the summaries it carries */
    public OfficeSummary withoutOffices() {
        return offices == null ? this : new OfficeSummary(summaryId, office, generatedAt, intervalSeconds, thinnedBefore,
                servers, tickets, escalations, compliance, findingsIngested, agentVersions, ticketTitles, null);
    }

    /** @return open tickets over all steps */
    public long openFaults() {
        return tickets.stream().mapToLong(StepTickets::open).sum();
    }

    /** @return open tickets past their step's standard */
    public long overdueSteps() {
        return tickets.stream().mapToLong(StepTickets::overdue).sum();
    }

    /** @return open escalations over all levels */
    public long openEscalations() {
        return escalations.open().stream().mapToLong(LevelCount::count).sum();
    }

    /** @return the worst status of the office's servers (as {@link CheckStatus#worst}), UNKNOWN when none reported */
    public String worstStatus() {
        CheckStatus worst = null;
        for (ServerGroup group : servers) {
            worst = CheckStatus.worst(worst, group.worstStatus() == null ? null : CheckStatus.valueOf(group.worstStatus()));
        }
        return worst == null ? CheckStatus.UNKNOWN.name() : worst.name();
    }
}
