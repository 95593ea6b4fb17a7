// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import net.imagingexchange.dicom.dictionary.ElementDictionary;

/**
 * Reads the query parameters of a search (PS3.18 8.3.4, Table 8.3.4-1) into a {@link SearchRequest}. What it
 * refuses, with 400: a name that is neither a search parameter nor a DICOM attribute (keyword of PS3.6 Table 6-1
 * or 8 hex digits), a match key given twice, a value its attribute cannot take, a limit or offset that is not an
 * unsigned integer, a limit above the maximum. What it accepts but does not do, with a Warning header: match keys on
 * attributes this source does not hold or cannot match (ignored, as an unsupported optional key is, PS3.4
 * C.2.2.1.3; nor returned, PS3.18 10.6.3.3), sequence paths, and fuzzy, empty value and multiple value matching.
 */
final class SearchParameters {

    static final String INCLUDEFIELD = "includefield";
    static final String FUZZYMATCHING = "fuzzymatching";
    static final String EMPTYVALUEMATCHING = "emptyvaluematching";
    static final String MULTIPLEVALUEMATCHING = "multiplevaluematching";
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    /** PS3.18 8.3.3.1 and 8.3.3.2, read by the controller. */
    static final String ACCEPT = "accept";
    static final String CHARSET = "charset";

    // PS3.18 8.3.4.2, 8.3.4.5 and 8.3.4.6: the Warning texts, after "299 <service>: "
    static final String FUZZY_NOT_SUPPORTED =
            "The fuzzymatching parameter is not supported. Only literal matching has been performed.";
    static final String EMPTY_VALUE_NOT_SUPPORTED =
            "The emptyvaluematching parameter is not supported. Empty Value Matching has not been performed.";
    static final String MULTIPLE_VALUE_NOT_SUPPORTED =
            "The multiplevaluematching parameter is not supported. Multiple Value Matching has not been performed.";
    // PS3.18 8.3.4.4 (a truncated page) and PS3.4 C.2.2.1.3 (ignored keys): our wording
    static final String MORE_RESULTS = "There are additional results that can be requested.";
    static final String NOT_MATCHED = "The following attributes are not supported for matching and were ignored: ";

    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern UINT = Pattern.compile("[0-9]{1,10}");

    private final int maxLimit;

    /** @param maxLimit the largest {@code limit} accepted, and the page size when none is given. */
    SearchParameters(int maxLimit) {
        if (maxLimit < 1) {
            throw new IllegalArgumentException("the maximum number of results must be at least 1: " + maxLimit);
        }
        this.maxLimit = maxLimit;
    }

    /**
     * @param parameters the decoded query parameters, each name with its values in order.
     * @param service    the service's base URL, the {@code <service>} of Warning headers.
     */
    SearchRequest parse(SearchRequest.Scope scope, Map<String, List<String>> parameters, String service)
            throws InvalidSearchException {
        var request = new Parsed(scope);
        var warnings = new ArrayList<String>();
        for (var parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (name) {
                case INCLUDEFIELD -> request.includeFields(values);
                case FUZZYMATCHING -> warnIfTrue(name, values, warning(service, FUZZY_NOT_SUPPORTED), warnings);
                case EMPTYVALUEMATCHING -> warnIfTrue(name, values, warning(service, EMPTY_VALUE_NOT_SUPPORTED),
                        warnings);
                case MULTIPLEVALUEMATCHING -> warnIfTrue(name, values, warning(service, MULTIPLE_VALUE_NOT_SUPPORTED),
                        warnings);
                case LIMIT -> request.limit = limit(values);
                case OFFSET -> request.offset = unsigned(name, single(name, values));
                case ACCEPT, CHARSET -> single(name, values);
                default -> request.match(name, single(name, values));
            }
        }
        if (!request.notMatched.isEmpty()) {
            warnings.add(warning(service, NOT_MATCHED + String.join(", ", request.notMatched)));
        }
        return new SearchRequest(scope, request.matches, request.returned, request.limit, request.offset, warnings);
    }

    /** A Warning header value (RFC 7234 5.5 code 299) as PS3.18 8.3.4 writes them: {@code 299 <service>: text}. */
    static String warning(String service, String text) {
        return "299 " + service + ": " + text;
    }

    /** What the parameters read so far ask for. */
    private final class Parsed {

        final QueryLevel level;
        final List<SearchRequest.Match> matches = new ArrayList<>();
        final Set<QidoAttribute> returned;
        final Set<String> notMatched = new LinkedHashSet<>();
        int limit = maxLimit;
        int offset;

        Parsed(SearchRequest.Scope scope) {
            level = scope.level();
            returned = defaults(scope);
        }

        void match(String name, String value) throws InvalidSearchException {
            OptionalInt tag = attribute(name, name);
            QidoAttribute attribute = tag.isPresent() ? QidoAttribute.of(tag.getAsInt()).orElse(null) : null;
            if (attribute == null || attribute.matching() == QidoAttribute.Matching.NONE) {
                if (!value.isEmpty()) {
                    notMatched.add(name);
                }
                if (attribute != null && attribute.level().isAtOrAbove(level)) {
                    returned.add(attribute);
                }
                return;
            }
            if (matches.stream().anyMatch(m -> m.attribute() == attribute)) {
                throw InvalidSearchException.invalid(name, attribute + " is given twice as a match key");
            }
            Condition condition = MatchKeys.condition(attribute, name, value);
            if (condition != null) {
                matches.add(new SearchRequest.Match(attribute, condition));
            }
            // PS3.18 10.6.3.3: match keys of the level (or above) are returned, those of lower levels are not
            if (attribute.level().isAtOrAbove(level)) {
                returned.add(attribute);
            }
        }

        void includeFields(List<String> values) throws InvalidSearchException {
            for (String value : values) {
                for (String field : value.split(",", -1)) {
                    String name = field.strip();
                    if (name.equals("all")) {
                        Arrays.stream(QidoAttribute.values()).filter(a -> a.level() == level).forEach(returned::add);
                        continue;
                    }
                    // PS3.18 10.6.3.3: attributes this source does not hold, and those of lower levels, are left out
                    attribute(INCLUDEFIELD, name).stream().mapToObj(QidoAttribute::of).flatMap(Optional::stream)
                            .filter(a -> a.level().isAtOrAbove(level)).forEach(returned::add);
                }
            }
        }
    }

    // PS3.18 10.6.3.3: each level's own attributes; all series and all instances carry their parents' too
    private static Set<QidoAttribute> defaults(SearchRequest.Scope scope) {
        QueryLevel widest = scope.seriesInstanceUid() != null ? QueryLevel.INSTANCE
                : scope.studyInstanceUid() != null ? QueryLevel.SERIES : QueryLevel.STUDY;
        var defaults = EnumSet.of(QidoAttribute.TIMEZONE_OFFSET_FROM_UTC);
        for (QidoAttribute attribute : QidoAttribute.values()) {
            if (attribute.presence() != QidoAttribute.Presence.ON_REQUEST
                    && attribute.level().ordinal() >= widest.ordinal()
                    && attribute.level().isAtOrAbove(scope.level())) {
                defaults.add(attribute);
            }
        }
        return defaults;
    }

    /**
     * The tag an attribute id names (PS3.18 8.3.4.1: a PS3.6 keyword or 8 hex digits); empty for a sequence path
     * ({@code a.b}), whose parts are checked alike but which this source does not match on.
     */
    private static OptionalInt attribute(String parameter, String id) throws InvalidSearchException {
        String[] path = id.split("\\.", -1);
        int tag = 0;
        for (String part : path) {
            if (TAG.matcher(part).matches()) {
                tag = Integer.parseUnsignedInt(part, 16);
                continue;
            }
            OptionalInt known = ElementDictionary.standard().tagOf(part);
            if (known.isEmpty()) {
                throw InvalidSearchException.invalid(parameter, "\"" + part + "\" is neither a search parameter nor"
                        + " a DICOM attribute keyword (PS3.6 Table 6-1) or tag (8 hex digits), PS3.18 8.3.4");
            }
            tag = known.getAsInt();
        }
        return path.length == 1 ? OptionalInt.of(tag) : OptionalInt.empty();
    }

    private int limit(List<String> values) throws InvalidSearchException {
        int limit = unsigned(LIMIT, single(LIMIT, values));
        if (limit < 1 || limit > maxLimit) {
            throw InvalidSearchException.invalid(LIMIT, "limit must be between 1 and " + maxLimit + ", the most"
                    + " results this source returns at once; page with offset: " + limit);
        }
        return limit;
    }

    private static int unsigned(String name, String value) throws InvalidSearchException {
        long number = UINT.matcher(value).matches() ? Long.parseLong(value) : -1;
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw InvalidSearchException.invalid(name, name + " takes an unsigned integer (PS3.18 8.3.4.4), not \""
                    + value + "\"");
        }
        return (int) number;
    }

    private static void warnIfTrue(String name, List<String> values, String warning, List<String> warnings)
            throws InvalidSearchException {
        String value = single(name, values);
        if (!value.equals("true") && !value.equals("false")) {
            throw InvalidSearchException.invalid(name, name + " takes true or false, not \"" + value + "\"");
        }
        if (value.equals("true")) {
            warnings.add(warning);
        }
    }

    private static String single(String name, List<String> values) throws InvalidSearchException {
        if (values.size() != 1) {
            throw InvalidSearchException.invalid(name, name + " is given " + values.size() + " times; it takes one"
                    + " value (PS3.18 8.3.4)");
        }
        return values.get(0) == null ? "" : values.get(0);
    }
}
