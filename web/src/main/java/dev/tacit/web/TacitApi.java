package dev.tacit.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API, version 1, at {@code /v1}; resources and exception mappers are discovered by scanning. */
@ApplicationPath("/v1")
public class TacitApi extends Application {
}
