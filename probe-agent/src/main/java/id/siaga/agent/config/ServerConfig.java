package id.siaga.agent.config;

/**
 * The server this agent runs on, as registered in the ticket service.
 *
 * @param id   numeric id the service gave the server when it was registered
 * @param name human name of the server, for logs and the check table
 */
public record ServerConfig(long id, String name) {
}
