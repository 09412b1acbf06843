using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Web.Data.Migrations;

/// <summary>Units, documents, tasks with their history, and the unit rollups.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DocumentTypes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 10, nullable: false),
                Form = table.Column<string>(maxLength: 10, nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DocumentTypes", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Issuers",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 20, nullable: false),
                Form = table.Column<string>(maxLength: 10, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidTo = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Issuers", x => x.Code);
            });

        migrationBuilder.CreateTable(
            name: "Terms",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 40, nullable: false),
                IssuerCode = table.Column<string>(maxLength: 20, nullable: true),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Terms", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Units",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                Type = table.Column<string>(maxLength: 30, nullable: false),
                ParentId = table.Column<int>(nullable: true),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                Depth = table.Column<int>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
                SearchKey = table.Column<string>(maxLength: 400, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Units", x => x.Id);
                table.ForeignKey(
                    name: "FK_Units_Units_ParentId",
                    column: x => x.ParentId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "UnitStats",
            columns: table => new
            {
                UnitId = table.Column<int>(nullable: false),
                Metric = table.Column<string>(maxLength: 16, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitStats", x => new { x.UnitId, x.Metric, x.Day });
            });

        migrationBuilder.CreateTable(
            name: "Documents",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Form = table.Column<string>(maxLength: 10, nullable: false),
                Symbol = table.Column<string>(maxLength: 80, nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                TypeCode = table.Column<string>(maxLength: 10, nullable: false),
                TypeName = table.Column<string>(maxLength: 60, nullable: false),
                IssuerCode = table.Column<string>(maxLength: 20, nullable: false),
                Year = table.Column<int>(nullable: true),
                TermId = table.Column<int>(nullable: true),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Summary = table.Column<string>(maxLength: 4000, nullable: true),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                IdentityKey = table.Column<string>(maxLength: 120, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                SearchKey = table.Column<string>(maxLength: 700, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Documents", x => x.Id);
                table.ForeignKey(
                    name: "FK_Documents_Issuers_IssuerCode",
                    column: x => x.IssuerCode,
                    principalTable: "Issuers",
                    principalColumn: "Code",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Documents_Terms_TermId",
                    column: x => x.TermId,
                    principalTable: "Terms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "UnitLineages",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                PredecessorId = table.Column<int>(nullable: false),
                SuccessorId = table.Column<int>(nullable: false),
                OnDate = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitLineages", x => x.Id);
                table.ForeignKey(
                    name: "FK_UnitLineages_Units_PredecessorId",
                    column: x => x.PredecessorId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_UnitLineages_Units_SuccessorId",
                    column: x => x.SuccessorId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Tasks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ParentId = table.Column<int>(nullable: true),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                Depth = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Content = table.Column<string>(maxLength: 8000, nullable: true),
                ExpectedResult = table.Column<string>(maxLength: 2000, nullable: true),
                LeadUnitId = table.Column<int>(nullable: false),
                AssignedByUnitId = table.Column<int>(nullable: false),
                AccountableUnitId = table.Column<int>(nullable: true),
                ResponsiblePerson = table.Column<string>(maxLength: 200, nullable: true),
                SourceDocumentId = table.Column<int>(nullable: true),
                SourceNote = table.Column<string>(maxLength: 1000, nullable: true),
                DeadlineKind = table.Column<string>(maxLength: 20, nullable: false),
                Recurrence = table.Column<string>(maxLength: 20, nullable: true),
                DueDate = table.Column<DateOnly>(nullable: true),
                OriginalDueDate = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Percent = table.Column<int>(nullable: false),
                AssignedOn = table.Column<DateOnly>(nullable: false),
                SubmittedOn = table.Column<DateOnly>(nullable: true),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                ReturnReason = table.Column<string>(maxLength: 2000, nullable: true),
                ChildTotal = table.Column<int>(nullable: false),
                ChildCompleted = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                SearchKey = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Tasks", x => x.Id);
                table.ForeignKey(
                    name: "FK_Tasks_Documents_SourceDocumentId",
                    column: x => x.SourceDocumentId,
                    principalTable: "Documents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Tasks_Tasks_ParentId",
                    column: x => x.ParentId,
                    principalTable: "Tasks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Tasks_Units_AccountableUnitId",
                    column: x => x.AccountableUnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Tasks_Units_AssignedByUnitId",
                    column: x => x.AssignedByUnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Tasks_Units_LeadUnitId",
                    column: x => x.LeadUnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ExtensionRequests",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TaskId = table.Column<int>(nullable: false),
                DueDateBefore = table.Column<DateOnly>(nullable: true),
                RequestedDueDate = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                RequestedOn = table.Column<DateOnly>(nullable: false),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                DecisionNote = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_ExtensionRequests_Tasks_TaskId",
                    column: x => x.TaskId,
                    principalTable: "Tasks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TaskCoordinators",
            columns: table => new
            {
                TaskId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskCoordinators", x => new { x.TaskId, x.UnitId });
                table.ForeignKey(
                    name: "FK_TaskCoordinators_Tasks_TaskId",
                    column: x => x.TaskId,
                    principalTable: "Tasks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_TaskCoordinators_Units_UnitId",
                    column: x => x.UnitId,
                    principalTable: "Units",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TaskEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TaskId = table.Column<int>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                OnDate = table.Column<DateOnly>(nullable: false),
                FromStatus = table.Column<string>(maxLength: 20, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                LeadUnitId = table.Column<int>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: true),
                SubmittedOn = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_TaskEvents_Tasks_TaskId",
                    column: x => x.TaskId,
                    principalTable: "Tasks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TaskPeriods",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TaskId = table.Column<int>(nullable: false),
                Label = table.Column<string>(maxLength: 40, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                ReportedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskPeriods", x => x.Id);
                table.ForeignKey(
                    name: "FK_TaskPeriods_Tasks_TaskId",
                    column: x => x.TaskId,
                    principalTable: "Tasks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProgressReports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TaskId = table.Column<int>(nullable: false),
                PeriodId = table.Column<int>(nullable: true),
                ReportedOn = table.Column<DateOnly>(nullable: false),
                Percent = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgressReports", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProgressReports_TaskPeriods_PeriodId",
                    column: x => x.PeriodId,
                    principalTable: "TaskPeriods",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ProgressReports_Tasks_TaskId",
                    column: x => x.TaskId,
                    principalTable: "Tasks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Evidence",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ProgressReportId = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                ContentType = table.Column<string>(maxLength: 120, nullable: false),
                Size = table.Column<long>(nullable: false),
                StoredName = table.Column<string>(maxLength: 80, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Evidence", x => x.Id);
                table.ForeignKey(
                    name: "FK_Evidence_ProgressReports_ProgressReportId",
                    column: x => x.ProgressReportId,
                    principalTable: "ProgressReports",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Documents_IdentityKey",
            table: "Documents",
            column: "IdentityKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Documents_IssuedOn",
            table: "Documents",
            column: "IssuedOn");

        migrationBuilder.CreateIndex(
            name: "IX_Documents_IssuerCode",
            table: "Documents",
            column: "IssuerCode");

        migrationBuilder.CreateIndex(
            name: "IX_Documents_Symbol",
            table: "Documents",
            column: "Symbol");

        migrationBuilder.CreateIndex(
            name: "IX_Documents_TermId",
            table: "Documents",
            column: "TermId");

        migrationBuilder.CreateIndex(
            name: "IX_DocumentTypes_Form_Code_Name",
            table: "DocumentTypes",
            columns: new[] { "Form", "Code", "Name" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Evidence_ProgressReportId",
            table: "Evidence",
            column: "ProgressReportId");

        migrationBuilder.CreateIndex(
            name: "IX_ExtensionRequests_TaskId",
            table: "ExtensionRequests",
            column: "TaskId");

        migrationBuilder.CreateIndex(
            name: "IX_ProgressReports_PeriodId",
            table: "ProgressReports",
            column: "PeriodId");

        migrationBuilder.CreateIndex(
            name: "IX_ProgressReports_TaskId",
            table: "ProgressReports",
            column: "TaskId");

        migrationBuilder.CreateIndex(
            name: "IX_TaskCoordinators_UnitId",
            table: "TaskCoordinators",
            column: "UnitId");

        migrationBuilder.CreateIndex(
            name: "IX_TaskEvents_AtUtc",
            table: "TaskEvents",
            column: "AtUtc");

        migrationBuilder.CreateIndex(
            name: "IX_TaskEvents_TaskId_AtUtc",
            table: "TaskEvents",
            columns: new[] { "TaskId", "AtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_TaskPeriods_TaskId_DueDate",
            table: "TaskPeriods",
            columns: new[] { "TaskId", "DueDate" });

        migrationBuilder.CreateIndex(
            name: "IX_Tasks_AccountableUnitId",
            table: "Tasks",
            column: "AccountableUnitId");

        migrationBuilder.CreateIndex(
            name: "IX_Tasks_AssignedByUnitId",
            table: "Tasks",
            column: "AssignedByUnitId");

        migrationBuilder.CreateIndex(
            name: "IX_Tasks_LeadUnitId_Status_DueDate",
            table: "Tasks",
            columns: new[] { "LeadUnitId", "Status", "DueDate" });

        migrationBuilder.CreateIndex(
            name: "IX_Tasks_ParentId",
            table: "Tasks",
            column: "ParentId");

        migrationBuilder.CreateIndex(
            name: "IX_Tasks_Path",
            table: "Tasks",
            column: "Path");

        migrationBuilder.CreateIndex(
            name: "IX_Tasks_SourceDocumentId",
            table: "Tasks",
            column: "SourceDocumentId");

        migrationBuilder.CreateIndex(
            name: "IX_Tasks_Status_DueDate",
            table: "Tasks",
            columns: new[] { "Status", "DueDate" });

        migrationBuilder.CreateIndex(
            name: "IX_UnitLineages_PredecessorId",
            table: "UnitLineages",
            column: "PredecessorId");

        migrationBuilder.CreateIndex(
            name: "IX_UnitLineages_SuccessorId",
            table: "UnitLineages",
            column: "SuccessorId");

        migrationBuilder.CreateIndex(
            name: "IX_Units_Code",
            table: "Units",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Units_ParentId",
            table: "Units",
            column: "ParentId");

        migrationBuilder.CreateIndex(
            name: "IX_Units_Path",
            table: "Units",
            column: "Path");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Evidence");
        migrationBuilder.DropTable(name: "ProgressReports");
        migrationBuilder.DropTable(name: "TaskPeriods");
        migrationBuilder.DropTable(name: "TaskEvents");
        migrationBuilder.DropTable(name: "TaskCoordinators");
        migrationBuilder.DropTable(name: "ExtensionRequests");
        migrationBuilder.DropTable(name: "Tasks");
        migrationBuilder.DropTable(name: "UnitLineages");
        migrationBuilder.DropTable(name: "Documents");
        migrationBuilder.DropTable(name: "UnitStats");
        migrationBuilder.DropTable(name: "Units");
        migrationBuilder.DropTable(name: "Terms");
        migrationBuilder.DropTable(name: "Issuers");
        migrationBuilder.DropTable(name: "DocumentTypes");
    }
}
