package id.siaga.ticket.http;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the staff web pages, so that page-only filters (the language cookie) leave the API alone and the API's filters
 * (bare errors, refused parameters) leave the pages alone. It lives beside both, so that neither imports the other.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WebPage {
}
