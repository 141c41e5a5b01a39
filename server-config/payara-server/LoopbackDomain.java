import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.File;
import java.util.List;

/**
 * Makes a stopped Payara Server domain safe to start on a shared machine, by editing its domain.xml (asadmin cannot
 * change these before the first start, and on the first start Payara would already have phoned home and opened its
 * data grid on every interface):
 * <ul>
 *   <li>phone home off;</li>
 *   <li>the Hazelcast data grid (which backs JCache) bound to 127.0.0.1 only - with the JVM option
 *       {@code hazelcast.socket.bind.any=false}, without which it still binds *:4900;</li>
 *   <li>the admin listener, IIOP and JMX on 127.0.0.1, the HTTP listeners on the given address;</li>
 *   <li>the embedded JMS broker disabled (no WAR uses JMS; it would listen on *:7676);</li>
 *   <li>the admin console's update check off, and the heap size set.</li>
 * </ul>
 * Run with the JDK's source launcher: {@code java LoopbackDomain.java DOMAIN_XML HTTP_ADDRESS HEAP}. Idempotent.
 */
public final class LoopbackDomain {

    private static final String LOOPBACK = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: LoopbackDomain DOMAIN_XML HTTP_ADDRESS HEAP (e.g. 1g)");
        }
        File file = new File(args[0]);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
        Element domain = doc.getDocumentElement();

        Element grid = child(domain, "hazelcast-runtime-configuration");
        grid.setAttribute("interface", LOOPBACK);
        grid.setAttribute("das-bind-address", LOOPBACK);
        grid.setAttribute("das-public-address", LOOPBACK);

        Element config = serverConfig(domain);
        child(config, "phone-home-runtime-configuration").setAttribute("enabled", "false");
        for (Element listener : elements(config, "network-listener")) {
            String name = listener.getAttribute("name");
            listener.setAttribute("address", name.startsWith("http-listener") ? args[1] : LOOPBACK);
        }
        elements(config, "iiop-listener").forEach(listener -> listener.setAttribute("address", LOOPBACK));
        elements(config, "jmx-connector").forEach(connector -> connector.setAttribute("address", LOOPBACK));
        child(config, "jms-service").setAttribute("type", "DISABLED");

        Element java = child(config, "java-config");
        for (Element option : elements(java, "jvm-options")) {
            if (option.getTextContent().startsWith("-Xmx")) {
                java.removeChild(option);
            }
        }
        jvmOption(java, "-Xmx" + args[2]);
        jvmOption(java, "-Dhazelcast.socket.bind.any=false");
        jvmOption(java, "-Dcom.sun.enterprise.tools.admingui.NO_NETWORK=true");

        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(doc), new StreamResult(file));
    }

    private static Element serverConfig(Element domain) {
        for (Element config : elements(domain, "config")) {
            if ("server-config".equals(config.getAttribute("name"))) {
                return config;
            }
        }
        throw new IllegalStateException("no <config name=\"server-config\"> in domain.xml");
    }

    /** The first direct child of that name, created (empty) if missing. */
    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        Element created = parent.getOwnerDocument().createElement(name);
        parent.appendChild(created);
        return created;
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static void jvmOption(Element java, String option) {
        boolean present = elements(java, "jvm-options").stream().anyMatch(o -> o.getTextContent().equals(option));
        if (!present) {
            Element element = java.getOwnerDocument().createElement("jvm-options");
            element.setTextContent(option);
            java.appendChild(element);
        }
    }
}
