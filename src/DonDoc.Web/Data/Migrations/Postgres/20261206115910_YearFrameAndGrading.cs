using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DonDoc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class YearFrameAndGrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GradingRuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ExcellentCap = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    ExcellentCapOutstanding = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    CapBaseIncludesExcellent = table.Column<bool>(type: "boolean", nullable: false),
                    CapBaseVerified = table.Column<bool>(type: "boolean", nullable: false),
                    NotCompletedBelowDone = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    ExcellentExceeded = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    CompletedBehindAtMost = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradingRuleSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitYears_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GradeBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleSetId = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MinScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeBands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GradeBands_GradingRuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "GradingRuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitGrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SuggestedGrade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SuggestionWhy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OverrideReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PeerGroup = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outstanding = table.Column<bool>(type: "boolean", nullable: false),
                    RuleSetId = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitGrades_GradingRuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "GradingRuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitGrades_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyTaskGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitYearId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyTaskGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyTaskGroups_UnitYears_UnitYearId",
                        column: x => x.UnitYearId,
                        principalTable: "UnitYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupIndicators",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupIndicators", x => new { x.GroupId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_GroupIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupIndicators_KeyTaskGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "KeyTaskGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupTasks",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupTasks", x => new { x.GroupId, x.TaskId });
                    table.ForeignKey(
                        name: "FK_GroupTasks_KeyTaskGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "KeyTaskGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupTasks_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "GradingRuleSets",
                columns: new[] { "Id", "CapBaseIncludesExcellent", "CapBaseVerified", "CompletedBehindAtMost", "ExcellentCap", "ExcellentCapOutstanding", "ExcellentExceeded", "NotCompletedBelowDone", "Source", "ValidFrom", "ValidTo" },
                values: new object[] { 1, true, false, 0.20m, 0.20m, 0.25m, 0.30m, 0.70m, "Quy định 366-QĐ/TW (30/8/2025), Điều 11", new DateOnly(2025, 8, 30), null });

            migrationBuilder.InsertData(
                table: "GradeBands",
                columns: new[] { "Id", "Conditions", "Grade", "MinScore", "RuleSetId" },
                values: new object[,]
                {
                    { 1, "100% chỉ tiêu, nhiệm vụ hoàn thành đúng tiến độ, có ít nhất 30% vượt kế hoạch; không có tập thể, cá nhân lãnh đạo bị kỷ luật; khắc phục 100% hạn chế đã chỉ ra.", "Excellent", 90m, 1 },
                    { 2, "100% chỉ tiêu, nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng.", "Good", 70m, 1 },
                    { 3, "Hoàn thành các chỉ tiêu, nhiệm vụ; không quá 20% chậm tiến độ.", "Completed", 50m, 1 },
                    { 4, "Dưới 50 điểm; hoặc dưới 70% chỉ tiêu, nhiệm vụ kế hoạch; hoặc không đạt chỉ tiêu kinh tế - xã hội cơ bản (tăng trưởng, thu ngân sách, giải ngân đầu tư công, thu nhập bình quân, giảm hộ nghèo).", "NotCompleted", 0m, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_GradeBands_RuleSetId_Grade",
                table: "GradeBands",
                columns: new[] { "RuleSetId", "Grade" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupIndicators_IndicatorId",
                table: "GroupIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupTasks_TaskId",
                table: "GroupTasks",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyTaskGroups_UnitYearId_Number",
                table: "KeyTaskGroups",
                columns: new[] { "UnitYearId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitGrades_RuleSetId",
                table: "UnitGrades",
                column: "RuleSetId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitGrades_UnitId_Year",
                table: "UnitGrades",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitYears_UnitId_Year",
                table: "UnitYears",
                columns: new[] { "UnitId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GradeBands");

            migrationBuilder.DropTable(
                name: "GroupIndicators");

            migrationBuilder.DropTable(
                name: "GroupTasks");

            migrationBuilder.DropTable(
                name: "UnitGrades");

            migrationBuilder.DropTable(
                name: "KeyTaskGroups");

            migrationBuilder.DropTable(
                name: "GradingRuleSets");

            migrationBuilder.DropTable(
                name: "UnitYears");
        }
    }
}
