package org.apigate.common.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the documents that hold an issuer's keys, wherever {@code mp.jwt.verify.publickey.location} says they are:
 * an {@code http(s):} URL (fetched with time limits, as an identity provider's JWKS endpoint), a {@code file:} URL,
 * or a resource on the application's classpath ({@code publicKey.pem}, {@code /publicKey.pem} or
 * {@code classpath:publicKey.pem}). A PEM document is handed on as the JWKS it stands for, so every location is a
 * JWKS to the layers above.
 */
final class KeyDocuments implements ResourceRetriever {

    static final int CONNECT_TIMEOUT_MILLIS = 2000;
    static final int READ_TIMEOUT_MILLIS = 2000;
    /** A JWKS of a few dozen keys stays far below; a bigger answer is not a key document. */
    static final int SIZE_LIMIT_BYTES = 64 * 1024;
    private static final String CLASSPATH = "classpath:";

    private final ResourceRetriever remote =
            new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES);

    /** The URL of a location as configured; a classpath resource is resolved with the application's class loader. */
    static URL locate(String location) {
        String trimmed = location.strip();
        String scheme = trimmed.toLowerCase(Locale.ROOT);
        try {
            if (scheme.startsWith("http://") || scheme.startsWith("https://") || scheme.startsWith("file:")) {
                return URI.create(trimmed).toURL();
            }
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid key location URL: " + trimmed, e);
        }
        String resource = trimmed.startsWith(CLASSPATH) ? trimmed.substring(CLASSPATH.length()) : trimmed;
        resource = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : KeyDocuments.class.getClassLoader();
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no classpath resource " + resource + " for the key location");
        }
        return url;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
        String content = protocol.startsWith("http") ? remote.retrieveResource(url).getContent() : readLocal(url);
        return new Resource(asJwks(content), "application/json");
    }

    /** A PEM text as a JWKS of its keys; anything else as it is, for the JWKS parser to judge. */
    static String asJwks(String content) throws IOException {
        if (content == null || !PemKeys.isPem(content)) {
            return content;
        }
        try {
            return new JWKSet(PemKeys.publicKeys(content)).toString(false);
        } catch (IllegalArgumentException e) {
            throw new IOException("the PEM key document holds no usable public key: " + e.getMessage(), e);
        }
    }

    private static String readLocal(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(SIZE_LIMIT_BYTES + 1);
            if (bytes.length > SIZE_LIMIT_BYTES) {
                throw new IOException("key document " + url + " is larger than " + SIZE_LIMIT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
