using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReportEvery = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReportWithinDays = table.Column<int>(type: "integer", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: true),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    NumeratorLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DenominatorLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsBasicTarget = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Units_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorActuals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    Numerator = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    Denominator = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    IsEstimate = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorActuals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorActuals_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorActuals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    TargetHigh = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    HandedDownFromId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorPlans_IndicatorPlans_HandedDownFromId",
                        column: x => x.HandedDownFromId,
                        principalTable: "IndicatorPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorPlans_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorPlans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorReopenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorReopenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorReopenings_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorReopenings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    Numerator = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    Denominator = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    Reporters = table.Column<int>(type: "integer", nullable: false),
                    Estimates = table.Column<int>(type: "integer", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTotals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorTotals_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorTotals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorActuals_IndicatorId_UnitId_PeriodKind_Year_Number",
                table: "IndicatorActuals",
                columns: new[] { "IndicatorId", "UnitId", "PeriodKind", "Year", "Number" },
                unique: true,
                filter: "\"ReplacedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorActuals_IndicatorId_UnitId_PeriodKind_Year_Number_~",
                table: "IndicatorActuals",
                columns: new[] { "IndicatorId", "UnitId", "PeriodKind", "Year", "Number", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorActuals_UnitId",
                table: "IndicatorActuals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorPlans_HandedDownFromId",
                table: "IndicatorPlans",
                column: "HandedDownFromId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorPlans_IndicatorId_UnitId_PeriodKind_Year_Number_Ba~",
                table: "IndicatorPlans",
                columns: new[] { "IndicatorId", "UnitId", "PeriodKind", "Year", "Number", "Basis" },
                unique: true,
                filter: "\"ReplacedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorPlans_IndicatorId_UnitId_PeriodKind_Year_Number_Re~",
                table: "IndicatorPlans",
                columns: new[] { "IndicatorId", "UnitId", "PeriodKind", "Year", "Number", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorPlans_UnitId",
                table: "IndicatorPlans",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorReopenings_IndicatorId_UnitId_PeriodKind_Year_Numb~",
                table: "IndicatorReopenings",
                columns: new[] { "IndicatorId", "UnitId", "PeriodKind", "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorReopenings_UnitId",
                table: "IndicatorReopenings",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_DocumentId",
                table: "Indicators",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OwnerUnitId_Code",
                table: "Indicators",
                columns: new[] { "OwnerUnitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_TaskId",
                table: "Indicators",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTotals_IndicatorId_UnitId_PeriodKind_Year_Number",
                table: "IndicatorTotals",
                columns: new[] { "IndicatorId", "UnitId", "PeriodKind", "Year", "Number" },
                unique: true,
                filter: "\"ReplacedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTotals_IndicatorId_UnitId_PeriodKind_Year_Number_R~",
                table: "IndicatorTotals",
                columns: new[] { "IndicatorId", "UnitId", "PeriodKind", "Year", "Number", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTotals_UnitId",
                table: "IndicatorTotals",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorActuals");

            migrationBuilder.DropTable(
                name: "IndicatorPlans");

            migrationBuilder.DropTable(
                name: "IndicatorReopenings");

            migrationBuilder.DropTable(
                name: "IndicatorTotals");

            migrationBuilder.DropTable(
                name: "Indicators");
        }
    }
}
