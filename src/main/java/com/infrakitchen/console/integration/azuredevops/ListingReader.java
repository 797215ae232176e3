package com.infrakitchen.console.integration.azuredevops;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a listing answer ({@code {"count": n, "value": [...]}}, azure-devops.md 7) as a stream, entry by entry, under
 * its own cap (decision 0010): the repositories listing grows with the organization and has no paging.
 */
final class ListingReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ListingReader() {
    }

    /**
     * Reads {@code {"count": n, "value": [ {...}, ... ]}} as a stream: each object of {@code value} is parsed on its
     * own, handed to {@code entries} and dropped, so memory holds one entry whatever the listing's size. At most
     * {@code maxBytes} ({@code app.azure-devops.max-listing-bytes}) are read; a listing cut there says so ({@link Listing#complete()} false) and keeps
     * what was counted. A body that is not such a listing yields null (the classifier reports it as unexpected).
     */
    static @Nullable Listing read(InputStream body, long maxBytes, @Nullable Consumer<JsonNode> entries)
            throws IOException {
        CappedInputStream in = new CappedInputStream(body, maxBytes);
        int seen = 0;
        Long declared = null;
        boolean sawValue = false;
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("value".equals(name) && value == JsonToken.START_ARRAY) {
                    sawValue = true;
                    for (JsonToken e = parser.nextToken(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                        if (e == JsonToken.START_OBJECT) {
                            JsonNode entry = parser.readValueAsTree();
                            seen++;
                            if (entries != null) {
                                entries.accept(entry);
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else if ("count".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    declared = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
            return sawValue ? new Listing(seen, declared, true, in.count()) : null;
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                // the network failed mid-listing (a timeout, a reset): that is the failure, not the listing's shape
                throw io;
            }
            if (in.capReached()) {
                return sawValue ? new Listing(seen, declared, false, in.count()) : null;
            }
            return null;
        }
    }

    /** A stream that ends after {@code cap} bytes, and tells whether it ended there. */
    private static final class CappedInputStream extends FilterInputStream {
        private final long cap;
        private long count;

        CappedInputStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            if (count >= cap) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count >= cap) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, cap - count));
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }

        boolean capReached() {
            return count >= cap;
        }
    }
}
