using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DonDoc.Web.Features.Tasks;

namespace DonDoc.Web.Tests.Infrastructure;

public static partial class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }, Json);

    /// <summary>Reads a successful answer, or fails with the status and the body the app sent.</summary>
    public static async Task<T> OkAsync<T>(this Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static Task<T> GetOkAsync<T>(this HttpClient client, string url) => client.GetAsync(url).OkAsync<T>();

    public static Task<TaskDetail> TaskAsync(this HttpClient client, int id) =>
        client.GetOkAsync<TaskDetail>($"/api/tasks/{id}");

    /// <summary>Posts an action (accept, submit, return …) and returns the task as it then is.</summary>
    public static async Task<TaskDetail> ActAsync(this HttpClient client, int id, string action, object? body = null)
    {
        await client.PostAsync($"/api/tasks/{id}/{action}", body).OkAsync<JsonElement>();
        return await client.TaskAsync(id);
    }

    /// <summary>A full result: what a lead unit must send to report its task done.</summary>
    public const string DoneResult = "Đã hoàn thành các nội dung được giao; kèm báo cáo kết quả và phụ lục số liệu.";
    public static readonly object Done = new { Result = DoneResult, Percent = 100 };

    public static Task<TaskDetail> SubmitAsync(this HttpClient client, int id) => client.ActAsync(id, "submit", Done);

    /// <summary>
    /// Checks a 400 in problem+json whose "errors" name each expected field with a Vietnamese message,
    /// and returns those errors.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> ProblemAsync(this Task<HttpResponseMessage> sending, params string[] fields)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}";
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{where}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonSerializer.Deserialize<ProblemBody>(text, Json)!;
        Assert.True(body.Errors is { Count: > 0 }, $"{where}: no \"errors\" in {text}");
        var errors = new Dictionary<string, string[]>(body.Errors!, StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetValue(field, out var messages), $"{where}: no error for “{field}” in {text}");
            Assert.All(messages!, m => Assert.Matches(Vietnamese(), m));
        }
        return errors;
    }

    // A letter only Vietnamese spells: the message is in Vietnamese, not the framework's English.
    [GeneratedRegex("[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();

    private sealed record ProblemBody(string? Title, int? Status, Dictionary<string, string[]>? Errors);
}
