using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DonDoc.Web.Features.Tasks.TaskList.OrderIndexes(migrationBuilder, postgres: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DonDoc.Web.Features.Tasks.TaskList.DropOrderIndexes(migrationBuilder);
        }
    }
}
