package dev.tacit.web.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of request bodies and parameters: a 400 {@link InvalidRequestProblem} naming each
 * offending JSON member. The rejected values are not echoed.
 */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<InvalidRequestProblem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new InvalidRequestProblem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(InvalidRequestProblem.FieldError::field)
                        .thenComparing(InvalidRequestProblem.FieldError::message))
                .toList();
        return InvalidRequestProblem.of(errors).toResponse();
    }

    /**
     * The path inside the request, without the Java method and parameter the runtime validated: members joined
     * by dots, array elements by their index ({@code tokens[3]}, {@code items[0].name}).
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER
                        && node.getKind() != ElementKind.CONSTRUCTOR && node.getKind() != ElementKind.RETURN_VALUE)
                .forEach(node -> {
                    // A node inside an array carries its element's index; a container element node is the
                    // element itself, and has no name of its own in JSON.
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                });
        return field.toString();
    }
}
