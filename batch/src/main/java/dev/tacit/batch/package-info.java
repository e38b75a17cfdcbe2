/**
 * Tacit's Jakarta Batch jobs. The server's job repository is the Tacit datasource (see
 * {@code configure-tacit.cli}), so job state survives restarts. The jobs themselves (delayed token
 * releases, discovery-token expiry) arrive with the features they serve.
 */
package dev.tacit.batch;
