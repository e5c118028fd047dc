package dev.timelines.adapters.in.rest;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The methods each path of the API takes, read once from the resource classes' JAX-RS annotations. A 405 must list
 * them in an {@code Allow} header (RFC 9110, 15.5.6), and RESTEasy Reactive raises its 405 without one. Paths are
 * matched as the framework matches them: normalized, not percent-decoded (a key may hold {@code %2F}), and from the
 * root, as the API is served there (no {@code quarkus.rest.path}).
 */
@Singleton
public class AllowedMethods {

    private final List<Route> routes;

    /** The resource classes are the beans whose class carries {@code @Path}. */
    @Inject
    public AllowedMethods(BeanManager beans) {
        this(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .toList());
    }

    AllowedMethods(Collection<Class<?>> resources) {
        this.routes = resources.stream().flatMap(AllowedMethods::routesOf).toList();
    }

    /**
     * The methods {@code path} takes, in alphabetical order: those of its resource methods, with HEAD wherever GET
     * is and OPTIONS everywhere, since the framework answers both itself. Empty for a path no resource serves.
     */
    public Set<String> at(String path) {
        Set<String> methods = new TreeSet<>();
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route route : routes) {
            if (route.path().matcher(trimmed).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    private static Stream<Route> routesOf(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        return Stream.of(resource.getMethods()).flatMap(method -> httpMethods(method)
                .map(name -> new Route(UriTemplate.pattern(join(base, method.getAnnotation(Path.class))), name)));
    }

    /** GET, POST and the like: each is an annotation that carries {@code @HttpMethod}. */
    private static Stream<String> httpMethods(Method method) {
        return Stream.of(method.getAnnotations())
                .map(Annotation::annotationType)
                .filter(type -> type.isAnnotationPresent(HttpMethod.class))
                .map(type -> type.getAnnotation(HttpMethod.class).value());
    }

    private static String join(String base, Path sub) {
        String path = sub == null ? base : base + "/" + sub.value();
        String collapsed = path.replaceAll("/+", "/");
        String trimmed = collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private record Route(Pattern path, String method) {
    }
}
