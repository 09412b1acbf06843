using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations;

/// <summary>
/// The hash-chained audit trail, which the database itself keeps append-only, and the version
/// columns that stop one user's save from silently overwriting another's.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261121210000_Audit")]
public sealed class Audit : Migration
{
    private const string Refusal = "Nhật ký thay đổi chỉ được ghi thêm: không được sửa hay xóa mục đã ghi.";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                IpAddress = table.Column<string>(maxLength: 64, nullable: true),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                EntityType = table.Column<string>(maxLength: 100, nullable: true),
                EntityId = table.Column<string>(maxLength: 300, nullable: true),
                RecordType = table.Column<string>(maxLength: 100, nullable: true),
                RecordId = table.Column<string>(maxLength: 300, nullable: true),
                Changes = table.Column<string>(nullable: true),
                Detail = table.Column<string>(nullable: true),
                PrevHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_RecordType_RecordId",
            table: "AuditEntries",
            columns: new[] { "RecordType", "RecordId" });

        // The application already refuses to change an entry; this also stops raw SQL and bulk
        // updates run through the application's connection. Someone who drops the triggers is still
        // caught by the hash chain (verify-audit).
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION "AuditEntries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{Refusal}';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_change" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION "AuditEntries_append_only"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_append_only"();
                """);
        }
        else
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """);
        }

        // Rows written before this migration start at version 0.
        foreach (var table in new[] { "Tasks", "Documents", "Units", "ExtensionRequests" })
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: table,
                nullable: false,
                defaultValue: 0);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Tasks", "Documents", "Units", "ExtensionRequests" })
            migrationBuilder.DropColumn(name: "Version", table: table);
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_no_truncate" ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_no_change" ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP FUNCTION "AuditEntries_append_only"();""");
        }
        else
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_no_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_no_update";""");
        }
        migrationBuilder.DropTable(name: "AuditEntries");
    }
}
