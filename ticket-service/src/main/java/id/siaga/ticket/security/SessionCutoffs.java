package id.siaga.ticket.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Per person, the moment from which web page session cookies are valid ({@code app_user.sessions_valid_from}).
 * Signing out, a password change and disabling the account end every existing session of that person; a fresh sign-in with the
 * password is valid again at once.
 * <p>
 * Quarkus renews a session cookie (a new issue time) on a request made with a valid older cookie. A request
 * checked just before a sign-out could so come back with a cookie issued just after it. Ending sessions
 * therefore moves the moment {@link #RENEWAL_MARGIN} into the future, which refuses such renewals too; a
 * password sign-in within that margin moves it back to the sign-in, so that the new cookie counts.
 */
@ApplicationScoped
public class SessionCutoffs {

    /** Longer than a request takes from the session check to the renewed cookie. */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public SessionCutoffs(AgroalDataSource dataSource, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** Ends every current session of the person (sign-out, password change); joins a running transaction. */
    public void endSessions(String username) {
        update("update app_user set sessions_valid_from = ? where username = ?",
                clock.instant().plus(RENEWAL_MARGIN), username, null);
    }

    /** A password sign-in on the pages at this moment: its new cookie is valid even right after a sign-out. */
    public void signedIn(String username) {
        // The cookie holds its expiry in whole milliseconds: a sign-in's moment must not lie within the millisecond
        // in which its own cookie is issued, or the new cookie would count as older than it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        update("update app_user set sessions_valid_from = ? where username = ? and sessions_valid_from > ?",
                now, username, now);
    }

    /** @return whether a session cookie of the person issued at that moment is still valid (and the account active) */
    public boolean isValid(String username, Instant issuedAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sessions_valid_from, active from app_user where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return true;
                }
                Timestamp from = rs.getTimestamp(1);
                return rs.getBoolean(2)
                        && (from == null || !issuedAt.isBefore(from.toInstant().truncatedTo(ChronoUnit.MILLIS)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check a session", e);
        }
    }

    /** @return whether the account may sign in: it exists and an administrator has not disabled it */
    public boolean isActive(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select active from app_user where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check an account", e);
        }
    }

    private void update(String sql, Instant value, String username, Instant condition) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(value));
            s.setString(2, username);
            if (condition != null) {
                s.setTimestamp(3, Timestamp.from(condition));
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a session change", e);
        }
    }
}
