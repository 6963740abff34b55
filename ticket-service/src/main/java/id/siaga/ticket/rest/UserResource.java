package id.siaga.ticket.rest;

import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.CreateUserRequest;
import id.siaga.ticket.rest.dto.PasswordChangeRequest;
import id.siaga.ticket.rest.dto.UpdateUserRequest;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.dto.UserResponse;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.service.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.List;

/** People's accounts. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "People who sign in, and their roles")
@RolesAllowed(Role.NAME_ADMIN)
public class UserResource {

    private final UserService users;
    private final UserRepository repository;
    private final CallerFactory callers;

    public UserResource(UserService users, UserRepository repository, CallerFactory callers) {
        this.users = users;
        this.repository = repository;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Create a user")
    @APIResponse(responseCode = "201", description = "The new user", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", description = "The user name is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateUserRequest request, @Context UriInfo uri) {
        AppUser user = users.create(request.username(), request.fullName(), request.password(),
                EnumSet.copyOf(request.roles()), request.email(), callers.caller().username());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/users").path(String.valueOf(user.id)).build())
                .entity(toResponse(user)).build();
    }

    @GET
    @Operation(summary = "List users")
    public List<UserResponse> list() {
        return users.list().stream().map(UserResource::toResponse).toList();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Transactional
    @Operation(summary = "The signed-in user")
    public UserResponse me() {
        return repository.findByUsername(callers.caller().username()).map(UserResource::toResponse)
                .orElseThrow(() -> new id.siaga.ticket.domain.ResourceNotFoundException("Your account no longer exists."));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a user's name, password, roles or e-mail, or disable or enable the account")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The change would leave no active administrator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserResponse update(@PathParam("id") long id, @Valid @NotNull UpdateUserRequest request) {
        return toResponse(users.update(id, new UserService.AccountChange(request.fullName(), request.password(),
                request.roles() == null ? null : EnumSet.copyOf(request.roles()), request.email(), request.active()),
                callers.caller().username()));
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Change your own password")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "422", description = "The current password is wrong", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changePassword(@Valid @NotNull PasswordChangeRequest request) {
        users.changeOwnPassword(callers.caller().username(), request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    static UserResponse toResponse(AppUser user) {
        return new UserResponse(user.id, user.username, user.fullName, List.copyOf(user.roleSet()), user.email,
                user.createdAt, user.active);
    }
}
