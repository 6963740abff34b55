package id.siaga.ticket.domain;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who signs in: a user name, a bcrypt password hash and comma-separated roles. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Column(name = "full_name")
    public String fullName;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String roles;

    public String email;

    @Column(name = "created_at")
    public Instant createdAt;

    /** False when an administrator disabled the account: it cannot sign in, and its sessions ended. */
    public boolean active = true;

    /** The pages' language when no cookie chooses one ({@code id} or {@code en}), or null for the default. */
    public String language;

    /** @return the roles as a set */
    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::trim).map(Role::parse).filter(r -> r != null).forEach(set::add);
        return set;
    }

    /** Stores the roles in the comma-separated form the security layer reads. */
    public void roleSet(Set<Role> set) {
        roles = set.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
