using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BackgroundJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScheduledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Job_ScheduledAtUtc",
                table: "JobRuns",
                columns: new[] { "Job", "ScheduledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_StartedAtUtc",
                table: "JobRuns",
                column: "StartedAtUtc");

            // The tables of Quartz.NET's clustered job store (Infrastructure/Cluster.cs), with the names
            // and types its ADO.NET store reads and writes on PostgreSQL.
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_job_details (
                    sched_name text NOT NULL,
                    job_name text NOT NULL,
                    job_group text NOT NULL,
                    description text,
                    job_class_name text NOT NULL,
                    is_durable boolean NOT NULL,
                    is_nonconcurrent boolean NOT NULL,
                    is_update_data boolean NOT NULL,
                    requests_recovery boolean NOT NULL,
                    job_data bytea,
                    PRIMARY KEY (sched_name, job_name, job_group));
                CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);

                CREATE TABLE qrtz_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    job_name text NOT NULL,
                    job_group text NOT NULL,
                    description text,
                    next_fire_time bigint,
                    prev_fire_time bigint,
                    priority integer,
                    trigger_state text NOT NULL,
                    trigger_type text NOT NULL,
                    start_time bigint NOT NULL,
                    end_time bigint,
                    calendar_name text,
                    misfire_instr smallint,
                    misfire_orig_fire_time bigint,
                    execution_group varchar(200),
                    preferred_node varchar(200),
                    preferred_node_auto boolean NOT NULL DEFAULT false,
                    retry_policy varchar(250),
                    retry_attempt integer,
                    continues_trigger_name text,
                    continues_trigger_group text,
                    continuation_condition integer,
                    overlap_policy integer,
                    pause_reason varchar(250),
                    paused_by varchar(200),
                    paused_at bigint,
                    misfire_threshold bigint,
                    fixed_delay boolean,
                    job_data bytea,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
                CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
                CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
                CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
                CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr);

                CREATE TABLE qrtz_simple_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    repeat_count bigint NOT NULL,
                    repeat_interval bigint NOT NULL,
                    times_triggered bigint NOT NULL,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE);

                CREATE TABLE qrtz_simprop_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    str_prop_1 text,
                    str_prop_2 text,
                    str_prop_3 text,
                    int_prop_1 integer,
                    int_prop_2 integer,
                    long_prop_1 bigint,
                    long_prop_2 bigint,
                    dec_prop_1 numeric,
                    dec_prop_2 numeric,
                    bool_prop_1 boolean,
                    bool_prop_2 boolean,
                    time_zone_id text,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE);

                CREATE TABLE qrtz_cron_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    cron_expression text NOT NULL,
                    time_zone_id text,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE);

                CREATE TABLE qrtz_blob_triggers (
                    sched_name text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    blob_data bytea,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE);

                CREATE TABLE qrtz_calendars (
                    sched_name text NOT NULL,
                    calendar_name text NOT NULL,
                    calendar bytea NOT NULL,
                    PRIMARY KEY (sched_name, calendar_name));

                CREATE TABLE qrtz_paused_trigger_grps (
                    sched_name text NOT NULL,
                    trigger_group text NOT NULL,
                    pause_reason varchar(250),
                    paused_by varchar(200),
                    paused_at bigint,
                    PRIMARY KEY (sched_name, trigger_group));

                CREATE TABLE qrtz_paused_job_grps (
                    sched_name text NOT NULL,
                    job_group text NOT NULL,
                    pause_reason varchar(250),
                    paused_by varchar(200),
                    paused_at bigint,
                    PRIMARY KEY (sched_name, job_group));

                CREATE TABLE qrtz_fired_triggers (
                    sched_name text NOT NULL,
                    entry_id text NOT NULL,
                    trigger_name text NOT NULL,
                    trigger_group text NOT NULL,
                    instance_name text NOT NULL,
                    fired_time bigint NOT NULL,
                    sched_time bigint NOT NULL,
                    priority integer NOT NULL,
                    state text NOT NULL,
                    job_name text,
                    job_group text,
                    is_nonconcurrent boolean NOT NULL,
                    requests_recovery boolean,
                    execution_group varchar(200),
                    progress integer,
                    progress_message varchar(250),
                    interrupt_requested_time bigint,
                    PRIMARY KEY (sched_name, entry_id));
                CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
                CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
                CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);

                CREATE TABLE qrtz_scheduler_state (
                    sched_name text NOT NULL,
                    instance_name text NOT NULL,
                    last_checkin_time bigint NOT NULL,
                    checkin_interval bigint NOT NULL,
                    quartz_version varchar(20),
                    PRIMARY KEY (sched_name, instance_name));

                CREATE TABLE qrtz_locks (
                    sched_name text NOT NULL,
                    lock_name text NOT NULL,
                    PRIMARY KEY (sched_name, lock_name));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE qrtz_locks, qrtz_scheduler_state, qrtz_fired_triggers, qrtz_paused_job_grps, qrtz_paused_trigger_grps,
                    qrtz_calendars, qrtz_blob_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_simple_triggers,
                    qrtz_triggers, qrtz_job_details;
                """);

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });
        }
    }
}
