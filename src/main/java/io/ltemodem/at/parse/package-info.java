/**
 * Parsers for AT command responses: pure functions from the information lines of one response to the
 * model records in {@code io.ltemodem.model}.
 *
 * <p>Conventions shared by every parser here:
 * <ul>
 * <li>Input is the information lines of one response, with the echo and the final result code removed
 *     and CR/LF trimmed (a {@code List<String>}), or one line for URC forms. Null lines are skipped.</li>
 * <li>Output is an {@code Optional}: empty means "unknown". Malformed input never throws.</li>
 * <li>Whitespace, quoting and letter case vary by firmware and are tolerated; extra trailing fields are
 *     ignored. Fields are split by {@link io.ltemodem.at.parse.AtFields}, the one tokenizer.</li>
 * <li>Lines of another command (URCs interleaved in a response) are skipped, not treated as errors.</li>
 * <li>No I/O and no logging: values such as IMSI/ICCID must not reach a log from here.</li>
 * </ul>
 */
package io.ltemodem.at.parse;
