package org.apigate.bench.clients;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The ceiling: answers the backend's body itself, without forwarding - what the container costs alone. */
@WebServlet(urlPatterns = "/ceiling/*")
public class CeilingServlet extends HttpServlet {

    /** nginx's answer to {@code GET /user/api/users?limit=1} in bench/nginx.conf.template. */
    private static final byte[] BODY = "[{\"id\":\"1\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}]"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Backend.answer(response, 200, "application/json", BODY);
    }
}
