package org.shipaudit.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.shipaudit.audit.BatchAudit;
import org.shipaudit.audit.ChargebackAuditor;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.ChargebackHistory;
import org.shipaudit.sheets.ChargebackRowConsumer;
import org.shipaudit.sheets.ChargebackSheetReader;
import org.shipaudit.sheets.SheetRow;

/**
 * Audits an uploaded retailer chargebacks file (kind {@code chargebacks}) the way invoice jobs audit
 * invoices: streams its rows, audits each batch of {@value #BATCH} with the chargebacks packs, and commits findings and
 * row errors with the progress marker; a resumed job re-reads the file and skips the rows already committed.
 *
 * <p>"Today" for deadlines is the job's business date: the UTC day it was submitted ({@link #businessDate}), kept
 * with the job, so an attempt resumed after midnight or a file audited again judges the same way. Duplicates are
 * found across batches: every row read, committed before or not, is remembered by retailer, PO and code.
 */
public final class ChargebackJobProcessor implements JobProcessor {

    static final int BATCH = 1000;

    private final ChargebackAuditor auditor;
    private final long maxBytes;

    public ChargebackJobProcessor(ChargebackAuditor auditor, long maxBytes) {
        this.auditor = auditor;
        this.maxBytes = maxBytes;
    }

    /** The day deadlines are judged against: the UTC date the job was created. */
    public static LocalDate businessDate(Job job) {
        return job.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public void process(JobRun run) throws Exception {
        Batcher batcher = new Batcher(run, businessDate(run.job()));
        batcher.readAll(() -> new ChargebackSheetReader(maxBytes).read(run.file(), batcher));
    }

    /** A chargebacks file has one layout; the header and first row must read (required columns present). */
    @Override
    public void precheck(Path file, String profile) {
        if (!"auto".equals(profile)) {
            throw new JobRefused(400, "a chargebacks file has one layout, found from its header: leave profile out "
                    + "(got '" + profile + "')");
        }
        FirstRowRead.check(() -> new ChargebackSheetReader(maxBytes).read(file, (row, chargeback) -> {
            throw new FirstRowRead();
        }));
    }

    /** Collects rows into batches and audits each; duplicates are judged against every chargeback read. */
    private final class Batcher extends RowBatcher<Chargeback> implements ChargebackRowConsumer {
        private final LocalDate today;
        private final ChargebackHistory history = new ChargebackHistory();

        Batcher(JobRun run, LocalDate today) {
            super(run, BATCH);
            this.today = today;
        }

        @Override
        public void accept(SheetRow row, Chargeback chargeback) {
            take(row, chargeback);
        }

        @Override
        void remember(Chargeback chargeback) {
            history.see(chargeback);
        }

        @Override
        BatchAudit audit(List<Chargeback> batch) {
            return auditor.audit(batch, history, today);
        }

        @Override
        long rowOf(Chargeback chargeback) {
            return chargeback.row();
        }

        @Override
        boolean full(long rows, int chargebacks) {
            return rows >= BATCH;
        }
    }
}
