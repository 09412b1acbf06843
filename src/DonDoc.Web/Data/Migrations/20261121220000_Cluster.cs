using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Web.Data.Migrations;

/// <summary>What several instances share: data-protection keys and the leases of background jobs.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261121220000_Cluster")]
public sealed class Cluster : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(maxLength: 8000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Leases",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Holder = table.Column<string>(maxLength: 200, nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Leases", x => x.Name);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Leases");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
    }
}
