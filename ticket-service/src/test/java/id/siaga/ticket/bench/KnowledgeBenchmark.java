package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The knowledge of past repairs at 10,000 and at 100,000 finished repairs (goal: p95 at most 50 ms at 100,000 and at
 * most 2 × the 10,000 figure): searches and ticket suggestions through the API of the packaged service. Closed
 * tickets are written straight into the service's tables with generate_series from a vocabulary of SIAK / KTP-el,
 * Oracle and network faults in Indonesian, with their ANALYSIS and REPAIR step records; repair_knowledge is then
 * filled by siaga_upsert_repair_knowledge(null), the function the migration uses. Prints the figures; asserts only
 * that the answers are right. Run with {@code scripts/benchmark.sh -Dit.test=KnowledgeBenchmark}.
 */
class KnowledgeBenchmark {

    private static final int REPEAT = 60;
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();
    /** What any authenticated request costs here, under the same load: one server read. */
    private static final String BASELINE = "/api/v1/servers/1";

    static {
        QUERIES.put("q=listener", "/api/v1/knowledge?q=listener");
        QUERIES.put("q=lisener (typo)", "/api/v1/knowledge?q=lisener");
        QUERIES.put("q=gagal (frequent)", "/api/v1/knowledge?q=gagal");
        QUERIES.put("q=siak (most frequent)", "/api/v1/knowledge?q=siak");
        QUERIES.put("q=ora-12541", "/api/v1/knowledge?q=ora-12541");
        QUERIES.put("q=pengiriman biometrik", "/api/v1/knowledge?q=" + enc("pengiriman biometrik"));
        QUERIES.put("q=tidak bisa login kec.", "/api/v1/knowledge?q=" + enc("tidak bisa login kecamatan"));
        QUERIES.put("q=sertifikat+KTP_EL", "/api/v1/knowledge?application=KTP_EL&q=sertifikat");
        QUERIES.put("q=tablespace+server", "/api/v1/knowledge?serverId=7&q=tablespace");
        QUERIES.put("no q, newest", "/api/v1/knowledge");
        QUERIES.put("no q, page 50", "/api/v1/knowledge?page=50");
        QUERIES.put("baseline: one server", BASELINE);
    }

    /**
     * Fault vocabulary: how often (per mille of the repairs), title, conclusion (step 4), repair (step 5), agent check
     * or empty, application. Skewed as an office's history is: the listener and the link to the national data centre
     * come back again and again, so a word like "listener" or "gagal" matches a large share of all repairs (the benchmark
     * prints how many).
     */
    private static final String VOCABULARY = """
            (100, 'SIAK tidak bisa login di kecamatan', 'Listener Oracle mati, klien mendapat ORA-12541: TNS no listener', 'Listener dinyalakan ulang dengan lsnrctl start dan dibuat otomatis saat boot', 'oracle-listener', 'SIAK'),
            (45, 'SIAK error ORA-12514 saat membuka menu pendaftaran', 'Listener tidak mengenal service SIAKDB setelah database dinyalakan ulang (ORA-12514)', 'Service didaftarkan ulang ke listener dengan ALTER SYSTEM REGISTER dan parameter LOCAL_LISTENER diperbaiki', 'oracle-listener', 'SIAK'),
            (30, 'Koneksi database terputus berkala', 'Kabel jaringan server database longgar, port switch bergantian naik turun', 'Kabel jaringan diganti dan port switch dipindah', 'oracle-listener', 'SIAK'),
            (25, 'Aplikasi SIAK menampilkan ORA-01017 saat login', 'Kata sandi skema SIAK kedaluwarsa (ORA-28001) sehingga login ditolak', 'Kata sandi skema diperbarui dan profil password diubah agar tidak kedaluwarsa', 'siak-db', 'SIAK'),
            (20, 'Akun operator SIAK terkunci', 'Akun database terkunci (ORA-28000) setelah salah kata sandi berulang', 'Akun dibuka dengan ALTER USER ACCOUNT UNLOCK dan operator diminta mengganti kata sandi', 'siak-db', 'SIAK'),
            (35, 'Penyimpanan data penduduk gagal', 'Tablespace USERS penuh, ORA-01653 tidak dapat memperluas tabel', 'Datafile baru ditambahkan ke tablespace USERS dan autoextend diaktifkan', 'siak-db', 'SIAK'),
            (15, 'Laporan SIAK gagal dibuat, ORA-01555 snapshot too old', 'Undo tablespace terlalu kecil untuk laporan panjang', 'Undo retention dinaikkan dan datafile undo diperbesar', 'siak-db', 'SIAK'),
            (15, 'Database SIAK hang, semua pengguna menunggu', 'Ruang arsip redo penuh (ORA-00257 archiver error)', 'Ruang arsip dikosongkan setelah backup RMAN dan FRA diperbesar', 'siak-db', 'SIAK'),
            (10, 'SIAK ORA-04031 saat jam sibuk', 'Shared pool kehabisan memori (ORA-04031)', 'SGA diperbesar dan query aplikasi memakai bind variable', 'siak-db', 'SIAK'),
            (65, 'Perekaman KTP-el gagal: biometrik tidak terkirim', 'Antrian pengiriman biometrik macet karena layanan sinkronisasi berhenti', 'Layanan sinkronisasi dijalankan ulang dan antrian biometrik dikirim ulang', 'biometric-queue', 'KTP_EL'),
            (45, 'Reader KTP-el tidak membaca chip kartu', 'Driver reader rusak setelah pembaruan Windows', 'Driver reader dipasang ulang dan pembaruan otomatis ditunda', '', 'KTP_EL'),
            (45, 'Printer kartu KTP-el macet saat mencetak', 'Pita printer habis dan sensor kartu kotor', 'Pita printer diganti dan sensor dibersihkan', '', 'KTP_EL'),
            (25, 'Foto dan tanda tangan gagal tersimpan saat perekaman KTP-el', 'Kamera perekaman tidak terdeteksi karena kabel USB rusak', 'Kabel USB diganti dan driver kamera dipasang ulang', '', 'KTP_EL'),
            (20, 'Status KTP-el tertahan di pusat, kartu gagal dicetak', 'Data perekaman ganda (duplicate record) di server pusat', 'Permohonan penyelesaian data ganda dikirim ke Ditjen Dukcapil', '', 'KTP_EL'),
            (35, 'Verifikasi sidik jari KTP-el ditolak', 'Kalibrasi pemindai sidik jari bergeser', 'Pemindai dikalibrasi ulang dan kaca pemindai dibersihkan', '', 'KTP_EL'),
            (15, 'Aplikasi KTP-el tidak bisa dibuka', 'Lisensi aplikasi perekaman kedaluwarsa', 'Lisensi diperbarui oleh pihak ketiga', '', 'KTP_EL'),
            (30, 'Sinkronisasi data ke pusat berhenti', 'Sertifikat klien VPN ke Ditjen Dukcapil kedaluwarsa', 'Sertifikat klien diperbarui melalui helpdesk pusat', 'vpn-pusat', 'KTP_EL'),
            (75, 'Jaringan ke server Dukcapil pusat putus', 'Router kantor hang, tabel ARP penuh', 'Router dinyalakan ulang dan firmware diperbarui', 'ping-pusat', 'OTHER'),
            (40, 'Koneksi internet kantor kecamatan lambat', 'Bandwidth habis dipakai unduhan pembaruan Windows', 'Pembaruan dijadwalkan di luar jam pelayanan dan QoS dipasang di router', 'ping-pusat', 'OTHER'),
            (25, 'VPN ke pusat sering putus', 'Modem ISP bermasalah, paket hilang hingga 40 persen', 'Gangguan dilaporkan ke ISP dan modem diganti', 'vpn-pusat', 'OTHER'),
            (20, 'Komputer operator tidak mendapat alamat IP', 'Server DHCP kantor mati', 'Layanan DHCP dijalankan ulang dan dibuat otomatis saat boot', '', 'OTHER'),
            (15, 'Nama server pusat gagal di-resolve', 'DNS kantor salah konfigurasi setelah ganti ISP', 'Alamat DNS diperbaiki di router', 'ping-pusat', 'OTHER'),
            (35, 'Halaman SIAK lambat pada jam sibuk', 'Sesi database menumpuk karena koneksi tidak ditutup aplikasi', 'Batas sesi dinaikkan dan sesi menggantung dibersihkan', 'siak-web', 'SIAK'),
            (30, 'Tomcat SIAK berhenti, halaman login HTTP 500', 'Memori heap Tomcat habis (OutOfMemoryError)', 'Heap Tomcat diperbesar dan layanan dijalankan ulang', 'siak-web', 'SIAK'),
            (20, 'Backup database SIAK tidak berjalan', 'Disk backup penuh sehingga RMAN gagal menulis', 'Backup lama dipindahkan ke arsip dan jadwal RMAN diperbaiki', 'backup-fresh', 'SIAK'),
            (25, 'Disk server SIAK hampir penuh', 'File log alert Oracle dan arsip redo menumpuk', 'Arsip redo lama dihapus setelah backup dan rotasi log diaktifkan', 'disk-root', 'SIAK'),
            (30, 'Cetak KK gagal di kecamatan', 'Template laporan cetak KK rusak setelah pembaruan aplikasi', 'Template cetak dipulihkan dari cadangan', '', 'SIAK'),
            (20, 'Akta kelahiran gagal dicetak', 'Nomor register akta bentrok setelah pemulihan database', 'Sekuens nomor akta disetel ulang ke nilai terakhir', 'siak-db', 'SIAK'),
            (15, 'Data NIK ganda muncul di SIAK', 'Proses konsolidasi data berjalan dua kali', 'Data ganda dibersihkan dan jadwal konsolidasi diperbaiki', '', 'SIAK'),
            (15, 'Antivirus memblokir aplikasi SIAK di kecamatan', 'File aplikasi dianggap ancaman oleh pembaruan antivirus', 'Folder aplikasi dikecualikan dari pemindaian', '', 'SIAK'),
            (15, 'Sertifikat SSL situs layanan kedaluwarsa', 'Sertifikat SSL tidak diperpanjang otomatis', 'Sertifikat baru dipasang dan perpanjangan otomatis dijadwalkan', 'siak-web', 'OTHER'),
            (20, 'Server aplikasi SIAK tidak menjawab ping', 'Server mati karena UPS rusak saat listrik padam', 'UPS diganti dan server dinyalakan kembali', 'ping-siak', 'SIAK'),
            (15, 'Server SIAK menyala ulang sendiri', 'Suhu ruang server terlalu tinggi karena AC mati', 'AC diperbaiki dan sensor suhu dipasang', 'host-siak', 'SIAK'),
            (10, 'Proses tanda tangan elektronik dokumen gagal', 'Jam server tidak sinkron sehingga token ditolak', 'NTP diaktifkan dan jam server disinkronkan', 'ntp', 'OTHER')
            """;

    @Test
    void measuresSearchAndSuggestionsAtTenThousandAndAHundredThousandRepairs() throws Exception {
        try (EmbeddedPostgres postgres = BenchDatabase.start()) {
            Map<String, String> env = BenchDatabase.serviceEnvironment(postgres, Map.of("QUARKUS_LOG_CONSOLE_LEVEL", "WARN"));
            try (ServiceProcess service = ServiceProcess.start("knowledge-bench", env);
                    Connection db = postgres.getDatabase("postgres", "siaga").getConnection()) {
                seedServers(db);
                seed(db, 0, 10_000);
                Map<String, double[]> small = measure(service, db);
                long seeding = System.nanoTime();
                seed(db, 10_000, 100_000);
                System.err.printf("seeded 100k repairs in %d s%n", (System.nanoTime() - seeding) / 1_000_000_000L);
                Map<String, double[]> large = measure(service, db);
                report(small, large);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void seedServers(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("insert into server (name, role, agent_token_hash) select 'bench-' || g, "
                    + "(array['SIAK_APP','SIAK_DB','KTPEL','NETWORK','OTHER'])[1 + g % 5], "
                    + "decode(md5(g::text) || md5(g::text), 'hex') from generate_series(1, 50) g");
        }
    }

    /**
     * Adds closed tickets {@code from} to {@code to} with their ANALYSIS and REPAIR step records, then fills
     * repair_knowledge through the migration's function. Plus one open ticket at ANALYSIS per stage, whose
     * suggestions are measured.
     */
    static void seed(Connection db, int from, int to) throws Exception {
        String range = "generate_series(" + (from + 1) + ", " + to + ") g";
        try (Statement s = db.createStatement()) {
            s.execute("create temporary table if not exists vocab (n serial, weight int, title text, conclusion text, "
                    + "repair text, check_key text, application text, lo int, hi int)");
            s.execute("truncate vocab restart identity");
            s.execute("insert into vocab (weight, title, conclusion, repair, check_key, application) values " + VOCABULARY);
            s.execute("update vocab v set hi = c.hi, lo = c.hi - v.weight from (select n, sum(weight) over (order by n) as hi"
                    + " from vocab) c where c.n = v.n");
            s.execute("create temporary table if not exists place (n serial, name text)");
            s.execute("truncate place restart identity");
            s.execute("insert into place (name) select unnest(array['Koto XI Tarusan','Bayang','IV Jurai','Batang Kapas',"
                    + "'Sutera','Lengayang','Ranah Pesisir','Linggo Sari Baganti','Pancung Soal','Basa Ampek Balai Tapan',"
                    + "'Lunang','Silaut','Airpura','Bayang Utara','IV Nagari Bayang Utara'])");
            s.execute("create temporary table if not exists cause (n serial, text text)");
            s.execute("truncate cause restart identity");
            s.execute("insert into cause (text) select unnest(array['setelah pemadaman listrik','setelah pembaruan sistem',"
                    + "'pada jam sibuk pelayanan','sejak pagi','setelah server dinyalakan ulang','saat hujan deras',"
                    + "'setelah pemindahan ruang server'])");
            s.execute("alter table ticket disable trigger ticket_tally_count");
            s.execute("insert into ticket (number, sop_version_id, source, reporter_name, server_id, application, check_key,"
                    + " title, description, severity, step, state, step_started_at, created_at, created_by, updated_at,"
                    + " closed_at, round, decision, end_state)"
                    + " select 'BENCH-' || lpad(g::text, 9, '0'), 1, case when v.check_key <> '' and g % 3 = 0 then 'AGENT' else"
                    + " (array['PHONE','WALK_IN','LETTER','MESSAGE'])[1 + g % 4] end, 'bench', 1 + g % 50, v.application,"
                    + " case when v.check_key <> '' and g % 3 = 0 then v.check_key end,"
                    + " v.title || ' ' || p.name, 'Operator kecamatan ' || p.name || ' melapor: ' || lower(v.title) || ' '"
                    + " || c.text || '. Pelayanan penduduk tertunda.', 'MEDIUM', 'CLOSED', 'CLOSED',"
                    + " now() - make_interval(hours => g), now() - make_interval(hours => g), 'bench', now(),"
                    + " now() - make_interval(hours => g) + make_interval(mins => 30 + g % 600), 1 + (g % 11 = 0)::int,"
                    + " case when g % 13 = 0 then 'NO' else 'YES' end, 'Software berjalan dengan baik'"
                    + " from " + range
                    + " join vocab v on (g * 7919) % 1000 >= v.lo and (g * 7919) % 1000 < v.hi join place p on p.n = 1 + g % 15 join cause c on c.n = 1 + g % 7");
            s.execute("alter table ticket enable trigger ticket_tally_count");
            s.execute("insert into ticket_step (ticket_id, seq, code, started_at, ended_at, actor, output)"
                    + " select t.id, x.seq, x.code, t.created_at, t.closed_at, 'bench',"
                    + "  case x.code when 'ANALYSIS' then v.conclusion || ' ' || c.text else v.repair end"
                    + " from ticket t join vocab v on (substring(t.number from 7)::int * 7919) % 1000 >= v.lo"
                    + " and (substring(t.number from 7)::int * 7919) % 1000 < v.hi"
                    + " join cause c on c.n = 1 + (substring(t.number from 7)::int) % 7"
                    + " cross join (values (4, 'ANALYSIS'), (5, 'REPAIR')) x(seq, code)"
                    + " where t.number like 'BENCH-%' and substring(t.number from 7)::int between " + (from + 1) + " and " + to);
            s.execute("update ticket set state = 'CANCELLED', step = 'CANCELLED' where number like 'WORK-%'");
            // one ticket being worked: an agent ticket at ANALYSIS, and a phone complaint at REPAIR
            s.execute("insert into ticket (number, sop_version_id, source, reporter_name, server_id, application, check_key,"
                    + " title, description, severity, step, state, step_started_at, created_at, created_by, updated_at, round)"
                    + " values ('WORK-A-" + to + "', 1, 'AGENT', 'agent', 11, 'SIAK', 'oracle-listener',"
                    + " '[bench-11] oracle-listener CRIT', 'Opened by the probe agent: check oracle-listener failed', 'HIGH',"
                    + " 'ANALYSIS', 'OPEN', now(), now(), 'agent', now(), 1),"
                    + " ('WORK-P-" + to + "', 1, 'PHONE', 'Operator', null, 'KTP_EL', null,"
                    + " 'Perekaman KTP-el gagal di kecamatan Silaut, biometrik tidak terkirim',"
                    + " 'Operator melapor pengiriman biometrik gagal sejak pagi', 'HIGH', 'REPAIR', 'OPEN', now(), now(),"
                    + " 'bench', now(), 1)");
            s.execute("insert into ticket_step (ticket_id, seq, code, started_at) select id, 1,"
                    + " step, now() from ticket where number in ('WORK-A-" + to + "', 'WORK-P-" + to + "')");
            s.execute("delete from ticket_tally");
            s.execute("insert into ticket_tally (state, step, source, server_key, n) select state, step, source, "
                    + "coalesce(server_id, 0), count(*) from ticket group by 1, 2, 3, 4");
            long t0 = System.nanoTime();
            try (ResultSet rs = s.executeQuery("select siaga_upsert_repair_knowledge(null)")) {
                rs.next();
                System.err.printf("siaga_upsert_repair_knowledge(null): %d records in %d ms%n", rs.getInt(1),
                        (System.nanoTime() - t0) / 1_000_000);
            }
            s.execute("vacuum analyze ticket");
            s.execute("vacuum analyze ticket_step");
            s.execute("vacuum analyze repair_knowledge");
        }
    }

    /**
     * Each query's requests alternate with the baseline's (one server read), so that both see the same load.
     *
     * @return per query: p50 and p95 in milliseconds, the total (or suggestion count) the API reported, and the p50
     *         and p95 of the baseline requests made between its requests
     */
    private static Map<String, double[]> measure(ServiceProcess service, Connection db) throws Exception {
        URI base = URI.create(service.url());
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:bench-admin".getBytes());
        Map<String, String> paths = new LinkedHashMap<>(QUERIES);
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select number, id from ticket where state = 'OPEN' order by id desc limit 2")) {
            while (rs.next()) {
                paths.put(rs.getString(1).startsWith("WORK-A") ? "suggest: agent ticket" : "suggest: phone ticket",
                        "/api/v1/tickets/" + rs.getLong(2));
            }
        }
        Map<String, double[]> figures = new LinkedHashMap<>();
        try (RawHttpClient http = new RawHttpClient(base.getHost(), base.getPort())) {
            for (Map.Entry<String, String> q : paths.entrySet()) {
                long[] micros = new long[REPEAT];
                long[] baseline = new long[REPEAT];
                String body = "";
                for (int i = -5; i < REPEAT; i++) {
                    long t0 = System.nanoTime();
                    RawHttpClient.Answer answer = http.get(q.getValue(), auth);
                    long t1 = System.nanoTime();
                    assertEquals(200, answer.status(), answer.body());
                    assertEquals(200, http.get(BASELINE, auth).status());
                    if (i >= 0) {
                        micros[i] = (t1 - t0) / 1000;
                        baseline[i] = (System.nanoTime() - t1) / 1000;
                    }
                    body = answer.body();
                }
                Arrays.sort(micros);
                Arrays.sort(baseline);
                double count;
                if (q.getKey().startsWith("baseline")) {
                    count = 1;
                } else if (q.getKey().startsWith("suggest")) {
                    count = body.split("\"match\":").length - 1;
                    assertTrue(count > 0, q.getKey() + " has suggestions: " + body);
                } else {
                    count = Double.parseDouble(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
                    assertTrue(count > 0, q.getKey() + " finds repairs");
                }
                figures.put(q.getKey(), new double[] {micros[REPEAT / 2] / 1000.0, micros[REPEAT * 95 / 100] / 1000.0, count,
                        baseline[REPEAT / 2] / 1000.0, baseline[REPEAT * 95 / 100] / 1000.0});
            }
        }
        return figures;
    }

    private static void report(Map<String, double[]> small, Map<String, double[]> large) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%n==== SIAGA repair knowledge: 10k vs 100k finished repairs (through the API, p50 / p95 of %d requests;"
                        + " load average %.2f on %d cores) ====%n", REPEAT, load,
                Runtime.getRuntime().availableProcessors()));
        text.append(String.format(Locale.ROOT, "%-24s %24s %24s %8s %17s %7s%n", "query", "10k: p50 / p95 ms (found)",
                "100k: p50 / p95 ms (found)", "p95 x", "baseline p95 ms", "net x"));
        for (String query : large.keySet()) {
            double[] a = small.getOrDefault(query, new double[] {Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN});
            double[] b = large.get(query);
            text.append(String.format(Locale.ROOT, "%-24s %8.1f / %6.1f (%6.0f) %8.1f / %6.1f (%6.0f) %7.2f %7.1f → %6.1f %7.2f%n",
                    query, a[0], a[1], a[2], b[0], b[1], b[2], b[1] / a[1], a[4], b[4], (b[1] / b[4]) / (a[1] / a[4])));
        }
        text.append("goal: 100k p95 <= 50 ms and <= 2 x the 10k p95 (the baseline row is no search: the cost of any request"
                + " at this load)\n");
        text.append("baseline p95: of the server reads made between that query's requests (10k → 100k); net x: the p95"
                + " ratio with each p95 taken relative to that baseline, i.e. with the change of load taken out\n");
        System.out.println(text);
        TicketListBenchmark.write("knowledge.txt", text.toString());
    }
}
