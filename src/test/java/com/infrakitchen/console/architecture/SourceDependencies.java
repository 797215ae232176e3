package com.infrakitchen.console.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dependencies between top-level packages ("slices") as the main source text names them.
 * <p>
 * ArchUnit reads bytecode, and javac inlines every compile-time constant ({@code static final} String or
 * primitive, as used in {@code @PageTitle("..." + MainLayout.TITLE_SUFFIX)} or {@code @Route(SomeRoutes.X)}):
 * the class file keeps the value, not the class it came from, so such a dependency is invisible to it.
 * The source cannot hide it: to use another package's constant, a file must name that class, by an
 * import (single, static or on demand) or by its fully qualified name. This reader collects every such
 * name outside comments, string literals included (a {@code Class.forName("...")} is a dependency too).
 */
final class SourceDependencies {

    static final Path MAIN_SOURCES = Path.of("src/main/java");

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** Text blocks and string/char literals are kept (skipped over whole), comments are blanked. */
    private static final Pattern LITERAL_OR_COMMENT = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    /** One file naming a class (or, on demand, a package) of another slice. */
    record Edge(String fromSlice, String toSlice, String toName, String file, int line) {

        @Override
        public String toString() {
            return file + ":" + line + " names " + toName;
        }
    }

    private SourceDependencies() {
    }

    /** Every reference from a file in one slice of {@code basePackage} to another of its slices. */
    static List<Edge> between(String basePackage) {
        Pattern reference = Pattern.compile(
                "\\b" + Pattern.quote(basePackage) + "\\.([a-z_][\\w]*)((?:\\.[a-z_][\\w]*)*)(\\.[A-Z][\\w]*)?");
        Path root = MAIN_SOURCES.resolve(basePackage.replace('.', '/'));
        List<Edge> edges = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = withoutComments(Files.readString(file));
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find() || !pkg.group(1).startsWith(basePackage + ".")) {
                    continue; // the base package itself (Application) belongs to no slice
                }
                String fromSlice = pkg.group(1).substring(basePackage.length() + 1).split("\\.")[0];
                Matcher m = reference.matcher(text);
                while (m.find()) {
                    String toSlice = m.group(1);
                    if (!toSlice.equals(fromSlice)) {
                        String name = m.group(0);
                        edges.add(new Edge(fromSlice, toSlice, name, MAIN_SOURCES.relativize(file).toString(),
                                lineOf(text, m.start())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return edges;
    }

    /** A reference in the source of package {@code fromPackage} to a class of package {@code toPackage}. */
    record Reference(String fromPackage, String toPackage, String toName, String file, int line) {

        @Override
        public String toString() {
            return file + ":" + line + " names " + toName;
        }
    }

    /**
     * Every reference by package name from a file in or under {@code basePackage} to a class in another package
     * in or under it (imports, static imports, fully qualified names), whatever the depth.
     */
    static List<Reference> within(String basePackage) {
        Pattern reference = Pattern.compile("\\b(" + Pattern.quote(basePackage)
                + "(?:\\.[a-z_][\\w]*)*)\\.([A-Z][\\w]*)");
        Path root = MAIN_SOURCES.resolve(basePackage.replace('.', '/'));
        List<Reference> references = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = withoutComments(Files.readString(file));
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                Matcher m = reference.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(pkg.group(1))) {
                        references.add(new Reference(pkg.group(1), m.group(1), m.group(0),
                                MAIN_SOURCES.relativize(file).toString(), lineOf(text, m.start())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    /** Comments become blanks (keeping line breaks, so line numbers stay right); literals stay as they are. */
    static String withoutComments(String source) {
        Matcher m = LITERAL_OR_COMMENT.matcher(source);
        StringBuilder out = new StringBuilder(source.length());
        while (m.find()) {
            String token = m.group();
            String replacement = token.startsWith("/") ? token.replaceAll("[^\\n]", " ") : token;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
