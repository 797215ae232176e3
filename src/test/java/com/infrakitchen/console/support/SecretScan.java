package com.infrakitchen.console.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Looks for a private key where the browser could see it: in every string of a Vaadin component tree (browserless
 * tests: text, attributes and properties of every element, virtual children such as dialogs and overlays
 * included), or in any text the browser received (real-browser tests, with {@link NetworkRecorder} and the DOM).
 *
 * <p>A key is looked for by the fragments of its base64 body: every run of 16 or more letters and digits of every
 * body line. JSON may escape {@code /}, {@code +} or {@code =}, so no fragment spans them; any fragment found
 * means a piece of the private key reached the page.
 */
public final class SecretScan {

    private static final Pattern ARMOUR = Pattern.compile("^-----.*-----$");
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9]{16,}");

    private SecretScan() {
    }

    /** The fragments of a PEM-armoured key's base64 body (armour and header lines left out). */
    public static List<String> fragments(String armouredKey) {
        List<String> out = new ArrayList<>();
        for (String line : armouredKey.lines().map(String::strip).toList()) {
            if (line.isEmpty() || ARMOUR.matcher(line).matches() || line.contains(":")) {
                continue;
            }
            RUN.matcher(line).results().map(m -> m.group()).forEach(out::add);
        }
        if (out.size() < 10) {
            throw new IllegalArgumentException("not an armoured key body: " + out.size() + " fragments");
        }
        return out;
    }

    /** The fragments found in {@code texts}, as "fragment #i" (never the fragment itself: it is key material). */
    public static List<String> found(List<String> fragments, List<String> texts) {
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            for (String text : texts) {
                if (text != null && text.contains(fragment)) {
                    hits.add("fragment #" + i + " of " + fragments.size());
                    break;
                }
            }
        }
        return hits;
    }

    /** Every string the elements under {@code root} would send to the browser: tag, text, attributes, properties. */
    public static List<String> strings(Component root) {
        List<String> out = new ArrayList<>();
        walk(root.getElement(), out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void walk(Element element, List<String> out, Set<Element> seen) {
        if (!seen.add(element)) {
            return;
        }
        out.add(element.isTextNode() ? element.getText() : element.getTag());
        if (!element.isTextNode()) {
            element.getAttributeNames().forEach(name -> out.add(name + "=" + element.getAttribute(name)));
            element.getPropertyNames().forEach(name -> out.add(name + "=" + element.getPropertyRaw(name)));
        }
        element.getChildren().forEach(child -> walk(child, out, seen));
        StateNode node = element.getNode();
        if (!node.hasFeature(VirtualChildrenList.class)) { // text nodes have none
            return;
        }
        node.getFeatureIfInitialized(VirtualChildrenList.class).ifPresent(virtual -> virtual.iterator()
                .forEachRemaining(child -> walk(Element.get(child), out, seen)));
    }
}
