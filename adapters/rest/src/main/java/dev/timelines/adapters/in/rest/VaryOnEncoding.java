package dev.timelines.adapters.in.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * JSON replies are gzip-compressed when the request's Accept-Encoding asks for it ({@code quarkus.http.enable-
 * compression}), so they vary with that header: RFC 9110, 12.5.5, wants {@code Vary: Accept-Encoding} on them, with
 * or without compression, or a shared cache could hand a compressed reply to a client that cannot read it.
 */
@ApplicationScoped
public class VaryOnEncoding {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(ended -> {
                String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null && compressible(type)) {
                    response.headers().add(HttpHeaders.VARY, "Accept-Encoding");
                }
            });
            context.next();
        });
    }

    /** The media types of {@code quarkus.http.compress-media-types}. */
    private static boolean compressible(String contentType) {
        String type = contentType.toLowerCase();
        return type.startsWith("application/json") || type.startsWith(EventBodyReader.NDJSON);
    }
}
