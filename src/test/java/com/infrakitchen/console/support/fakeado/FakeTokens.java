package com.infrakitchen.console.support.fakeado;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The tokens {@link FakeAzureDevOps} knows, one per row of the token table in
 * {@code docs/azure-devops.md} §12.1, plus {@link #PAT_CODE_READ}, {@link #PAT_FULL_84} and an Entra bearer token.
 *
 * <p>Values are obviously fake but shaped like real ones: the legacy shape is 52 characters of lowercase
 * base32 ({@code a-z2-7}), each starting with {@code fake<name>7} and padded with {@code notasecret}; the
 * new shape ({@link #PAT_FULL_84}) is 84 characters with {@code AZDO} at index 76. They are built at class
 * load so no 52-character literal sits in the source for a secret scanner to flag.
 *
 * <p>Deviations from §12.1, on purpose:
 * <ul>
 *   <li>{@link #PAT_FULL} has the scopes {@code vso.project vso.code vso.code_write vso.profile}, not
 *       {@code vso.project vso.code vso.profile}: the product needs Code <em>Read, write &amp; manage</em>, and the
 *       fake models the write half of that as {@code vso.code_write} (the scope {@code info/refs?service=git-receive-pack}
 *       needs). The real UI option "Read, write, &amp; manage" is {@code vso.code_manage}, which implies
 *       {@code vso.code_write}; the fake does not model {@code vso.code_manage}.</li>
 *   <li>{@link #PAT_CODE_READ} is added: {@code vso.project vso.code}, Code read only, no write.</li>
 *   <li>{@link #PAT_FULL} (and the tokens that behave like it) are also valid for {@code bigorg}, which only
 *       exists to test paging; they are unknown (F2) in {@code fabrikam}.</li>
 * </ul>
 *
 * <p>Organizations and users of each token:
 * <ul>
 *   <li>{@code contoso}, user Alice: FULL, FULL_84, RATE_LIMITED, FLAKY (these four also in {@code bigorg}),
 *       PROJECT_ONLY, CODE_ONLY, CODE_READ; EXPIRED (F4 there, F2 elsewhere); CAP_BLOCKED (403 there, F2
 *       elsewhere).</li>
 *   <li>{@code fabrikam}, user Frank (MSA): OTHER_ORG.</li>
 *   <li>every org: NOT_MEMBER (Bob, F8), GLOBAL_BLOCKED (Alice's global PAT, F9; accepted only by the global
 *       profile endpoint), REVOKED and UNKNOWN (F2).</li>
 * </ul>
 */
public final class FakeTokens {

    /** Valid for contoso (and bigorg); {@code vso.project vso.code vso.code_write vso.profile}; user Alice. */
    public static final String PAT_FULL = legacy("full");
    /** Same as {@link #PAT_FULL} in the new 84-character format ({@code AZDO} at index 76). */
    public static final String PAT_FULL_84 = newFormat("full84");
    /** Valid for contoso, {@code vso.project} only: repositories, refs and info/refs give an empty 401. */
    public static final String PAT_PROJECT_ONLY = legacy("projectonly");
    /** Valid for contoso, {@code vso.code} only: projects give an empty 401. */
    public static final String PAT_CODE_ONLY = legacy("codeonly");
    /** Valid for contoso, {@code vso.project vso.code}: Code read, no write (receive-pack gives an empty 401). */
    public static final String PAT_CODE_READ = legacy("coderead");
    /** Expired contoso PAT: F4 (401 {@code AccessCheckException}). */
    public static final String PAT_EXPIRED = legacy("expired");
    /** Revoked: answered like an unknown token (F2). */
    public static final String PAT_REVOKED = legacy("revoked");
    /** Valid only for fabrikam (user Frank, full scopes); on contoso it is F2. */
    public static final String PAT_OTHER_ORG = legacy("otherorg");
    /** Bob's valid PAT; Bob is a member of no fixture org: F8 (TF400813 with Bob's id). */
    public static final String PAT_NOT_MEMBER = legacy("notmember");
    /** Alice's global PAT; the orgs do not allowlist global PATs: F9 (401 HTML + allowlist text). */
    public static final String PAT_GLOBAL_BLOCKED = legacy("globalblocked");
    /** Blocked by Conditional Access on contoso: F10 (403 VS403463). */
    public static final String PAT_CAP_BLOCKED = legacy("capblocked");
    /** Like {@link #PAT_FULL}, but rate limited: warning headers before the Nth request, 429 from the Nth on. */
    public static final String PAT_RATE_LIMITED = legacy("ratelimited");
    /** Like {@link #PAT_FULL}, but its first request gets a 503 "Azure DevOps Services Unavailable" page. */
    public static final String PAT_FLAKY = legacy("flaky");
    /** Well-shaped but unknown to every org (the "anything else" row): F2. */
    public static final String PAT_UNKNOWN = legacy("unknown");

    /**
     * An unsigned JWT-shaped Entra token ({@code alg: none}) for Alice. Sent as {@code Bearer}, it is accepted
     * everywhere with all scopes, and it is the only credential {@code /vssps/{org}/_apis/tokens/pats} accepts.
     */
    public static final String ENTRA_BEARER_JWT = jwt();

    /** Every PAT above, for shape checks. */
    public static final List<String> ALL_PATS = List.of(PAT_FULL, PAT_FULL_84, PAT_PROJECT_ONLY, PAT_CODE_ONLY,
            PAT_CODE_READ, PAT_EXPIRED, PAT_REVOKED, PAT_OTHER_ORG, PAT_NOT_MEMBER, PAT_GLOBAL_BLOCKED,
            PAT_CAP_BLOCKED, PAT_RATE_LIMITED, PAT_FLAKY, PAT_UNKNOWN);

    private FakeTokens() {
    }

    /** {@code Basic base64(":" + pat)}, the header value the product sends. */
    public static String basic(String pat) {
        return basic("", pat);
    }

    /** {@code Basic base64(user + ":" + pat)}; the fake ignores the user name, like the real service. */
    public static String basic(String user, String pat) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pat).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code fake<name>7notasecretnotasecret…}, cut to 52 characters: lowercase base32 only. */
    private static String legacy(String name) {
        return pad("fake" + name + "7", "notasecret", 52);
    }

    /** 76 characters of {@code fake<name>NotASecret…}, then {@code AZDO}, then {@code Fake}: 84 characters. */
    private static String newFormat(String name) {
        return pad("fake" + name, "NotASecret", 76) + "AZDO" + "Fake";
    }

    private static String pad(String prefix, String filler, int length) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < length) {
            sb.append(filler);
        }
        return sb.substring(0, length);
    }

    private static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(
                "{\"sub\":\"fake-alice\",\"aud\":\"499b84ac-1321-427f-aa17-267ca6975798\"}"
                        .getBytes(StandardCharsets.UTF_8));
        String signature = b64.encodeToString("fake-signature".getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + signature;
    }
}
