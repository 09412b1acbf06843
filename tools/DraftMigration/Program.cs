using System.Text;
using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

// Drafts the body of a provider-neutral migration (EF's design-time tools are not on our package
// feed): the CreateTable/CreateIndex calls that build the current model's tables, for the tables
// named on the command line (all when none). Review the draft, then paste it into a Migration class;
// the drift test proves the result matches the model.
var only = args.ToHashSet(StringComparer.Ordinal);
var options = new DbContextOptionsBuilder<AppDb>().UseSqlite("Data Source=:memory:").Options;
using var db = new AppDb(options, TimeProvider.System);
var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model)
    .Where(op => only.Count == 0 || op switch
    {
        CreateTableOperation t => only.Contains(t.Name),
        CreateIndexOperation i => only.Contains(i.Table),
        _ => true,
    });

static string Literal(object? v) => v switch
{
    null => "null",
    string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
    bool b => b ? "true" : "false",
    _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!,
};
static string Columns(string[] names) => names.Length == 1 ? "x." + names[0] : "new { " + string.Join(", ", names.Select(c => "x." + c)) + " }";
static string Names(string[] names) => names.Length == 1 ? Literal(names[0]) : "new[] { " + string.Join(", ", names.Select(Literal)) + " }";

var code = new StringBuilder();
foreach (var op in operations)
{
    switch (op)
    {
        case CreateTableOperation t:
            code.AppendLine($"        migrationBuilder.CreateTable(\n            name: {Literal(t.Name)},\n            columns: table => new\n            {{");
            foreach (var c in t.Columns)
            {
                var type = Nullable.GetUnderlyingType(c.ClrType) ?? c.ClrType;
                var typeName = type == typeof(int) ? "int" : type == typeof(long) ? "long" : type == typeof(string) ? "string"
                    : type == typeof(bool) ? "bool" : type == typeof(byte[]) ? "byte[]" : type.Name;
                var parts = new List<string>();
                if (c.MaxLength is { } max) parts.Add($"maxLength: {max}");
                parts.Add($"nullable: {Literal(c.IsNullable)}");
                if (c.DefaultValue is not null) parts.Add($"defaultValue: {Literal(c.DefaultValue)}");
                var identity = c["Sqlite:Autoincrement"] is true
                    ? "\n                    .Annotation(\"Sqlite:Autoincrement\", true)\n                    .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)"
                    : "";
                code.AppendLine($"                {c.Name} = table.Column<{typeName}>({string.Join(", ", parts)}){identity},");
            }
            code.AppendLine("            },\n            constraints: table =>\n            {");
            if (t.PrimaryKey is { } pk)
                code.AppendLine($"                table.PrimaryKey({Literal(pk.Name)}, x => {Columns(pk.Columns)});");
            foreach (var fk in t.ForeignKeys)
                code.AppendLine($"                table.ForeignKey(\n                    name: {Literal(fk.Name)},\n                    column: x => {Columns(fk.Columns)},\n" +
                    $"                    principalTable: {Literal(fk.PrincipalTable)},\n" +
                    $"                    principalColumn{(fk.PrincipalColumns!.Length == 1 ? "" : "s")}: {Names(fk.PrincipalColumns)}" +
                    (fk.OnDelete != ReferentialAction.NoAction ? $",\n                    onDelete: ReferentialAction.{fk.OnDelete}" : "") + ");");
            code.AppendLine("            });\n");
            break;
        case CreateIndexOperation i:
            code.AppendLine($"        migrationBuilder.CreateIndex(\n            name: {Literal(i.Name)},\n            table: {Literal(i.Table)},\n" +
                $"            column{(i.Columns.Length == 1 ? "" : "s")}: {Names(i.Columns)}" + (i.IsUnique ? ",\n            unique: true" : "") +
                (i.Filter is not null ? $",\n            filter: {Literal(i.Filter)}" : "") + ");\n");
            break;
        default:
            code.AppendLine($"        // Not drafted: {op.GetType().Name}; write it by hand.");
            break;
    }
}
Console.Write(code);
