using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// Enums in the API are their names and nothing else. System.Text.Json's own string converter also
/// reads numbers, "1" and comma lists ("Date, Periodic" reads as Periodic), each of which would reach
/// the workflow as a value the caller did not name; no option of it turns the lists off.
/// </summary>
public sealed class EnumNamesConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Names<>).MakeGenericType(typeToConvert))!;

    private sealed class Names<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : null;
            if (text is not null && ByName.TryGetValue(text, out var value))
                return value;
            var given = text is null ? "Giá trị này" : $"Giá trị “{text}”";
            throw new NotAName($"{given} không có; dùng một trong: {string.Join(", ", Enum.GetNames<T>())}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    /// <summary>A refused value, with a message for the caller that names the values there are.</summary>
    public sealed class NotAName(string message) : JsonException(message);

    /// <summary>The API description names the values, as it would for the framework's converter.</summary>
    public static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n)!).ToList();
        }
        return Task.CompletedTask;
    }
}
