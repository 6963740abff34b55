package id.siaga.ticket.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the agents' bearer-token scheme beside the people's HTTP Basic in the OpenAPI document. */
@SecurityScheme(securitySchemeName = "agentToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A probe agent's token, issued once when its server is registered")
public class OpenApiDefinition extends Application {
}
