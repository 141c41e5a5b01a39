/** JSON-B reading rules stricter than the defaults, where a lenient reading would change what a client meant. */
package org.apigate.common.json;
