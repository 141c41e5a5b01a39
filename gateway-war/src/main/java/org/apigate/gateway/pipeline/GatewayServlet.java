package org.apigate.gateway.pipeline;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The gateway's entry point: every request that is not for the operators' area ({@code /admin}, JAX-RS) goes through
 * the {@link Pipeline}. A plain servlet, so a request costs no JAX-RS matching and no per-request beans.
 */
@WebServlet(name = "gateway", urlPatterns = "/", loadOnStartup = 1)
public class GatewayServlet extends HttpServlet {

    @Inject
    transient Pipeline pipeline;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pipeline.serve(request, response);
    }
}
