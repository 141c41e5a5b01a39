package org.apigate.gateway.pipeline;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The gateway's entry point: every request that is not for the operators' area ({@code /admin}, JAX-RS) goes through
 * the {@link Pipeline}. A plain servlet, so a request costs no JAX-RS matching and no per-request beans. Mapped as
 * the default servlet ({@code /}) for routes anywhere, and by prefix for {@code /api/*}, where the routes usually
 * are: a prefix match spares the container its look for a static file of that name, which the default mapping makes.
 */
@WebServlet(name = "gateway", urlPatterns = {"/api/*", "/"}, loadOnStartup = 1)
public class GatewayServlet extends HttpServlet {

    @Inject
    transient Pipeline pipeline;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pipeline.serve(request, response);
    }
}
