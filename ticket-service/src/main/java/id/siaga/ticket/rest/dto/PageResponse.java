package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the entries on this page
 * @param total how many entries match in all
 * @param page  the page number, from 0
 * @param size  the page size asked for
 */
@Schema(description = "One page of a list")
public record PageResponse<T>(List<T> items, long total, int page, int size) {
}
