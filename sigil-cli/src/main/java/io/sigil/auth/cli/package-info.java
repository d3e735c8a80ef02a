/**
 * Sigil's command-line tool for operators ({@code keygen}, {@code sign}, {@code verify},
 * {@code inspect}), built on the same token core and configuration loader as the server.
 *
 * <p>Where to start reading: {@link io.sigil.auth.cli.SigilCli#run} dispatches to one command
 * class per command ({@code KeygenCommand}, {@code SignCommand}, {@code VerifyCommand},
 * {@code InspectCommand}); keys given with {@code --key} are read by {@code CliKeys}, and
 * {@code verify --config} feeds a properties file to the server's loader through
 * {@code PropertiesConfig}. Not API: nothing here is meant to be called from other code.
 */
package io.sigil.auth.cli;
