package io.mockboard.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Text people send (titles, notes, ids, form fields, query and path parameters, JSON strings) may not hold
 * control characters other than tab and line breaks: PostgreSQL cannot store U+0000, and none of them belongs
 * in a title or a note. Such a request gets 400 naming the field, before it reaches a resource.
 */
@Singleton
public class ControlCharacters implements ObjectMapperCustomizer {

    /** The first forbidden character of a text, as U+XXXX, or null when there is none. */
    public static String firstForbidden(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }

    @ServerRequestFilter(readBody = true)
    Optional<Response> refuse(ResteasyReactiveContainerRequestContext request, UriInfo uri) {
        Optional<Response> refused = check(uri.getPathParameters(), "path parameter", uri)
                .or(() -> check(uri.getQueryParameters(), "query parameter", uri));
        if (refused.isPresent()) {
            return refused;
        }
        FormData form = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context ? context.getFormData() : null;
        if (form != null) {
            for (String name : form) {
                for (FormValue value : form.get(name)) {
                    String character = firstForbidden(name) != null ? firstForbidden(name)
                            : value.isFileItem() ? null : firstForbidden(value.getValue());
                    refused = refusal("field '" + printable(name) + "'", character, uri);
                    if (refused.isPresent()) {
                        return refused;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> check(MultivaluedMap<String, String> values, String what, UriInfo uri) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            for (String value : entry.getValue()) {
                Optional<Response> refused = refusal(what + " '" + printable(entry.getKey()) + "'", firstForbidden(value), uri);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> refusal(String field, String character, UriInfo uri) {
        return character == null ? Optional.empty() : Optional.of(Problem.of(Response.Status.BAD_REQUEST,
                "The " + field + " contains a control character (" + character + "); remove it and try again").at(uri.getPath()).toResponse());
    }

    private static String printable(String name) {
        return firstForbidden(name) == null ? name : "?";
    }

    /** JSON bodies: every string is checked as it is read, so the error names the field. */
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("mockboard-control-characters").addDeserializer(String.class, new CheckedStrings()));
    }

    private static final class CheckedStrings extends StdScalarDeserializer<String> {
        CheckedStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String character = firstForbidden(value);
            if (character != null) {
                throw context.weirdStringException(value, String.class, "contains a control character (" + character + ")");
            }
            return value;
        }
    }
}
