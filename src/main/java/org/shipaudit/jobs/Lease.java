package org.shipaudit.jobs;

/**
 * The right of one node to run a job until the lease runs out: the owner's node id and a token new at every claim.
 * Writes of a leased run are fenced by the token, so a run whose lease was taken over cannot commit.
 * {@link #NONE} is the run of an offline command, which no other node can take over.
 */
public record Lease(String owner, String token) {

    public static final Lease NONE = new Lease(null, null);

    boolean fenced() {
        return token != null;
    }
}
