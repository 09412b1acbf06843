namespace DonDoc.Web.Features.Shared;

/// <summary>
/// Validation failures keyed by field, with Vietnamese messages; the API returns them as a
/// problem+json 400 and pages show them beside their fields.
/// </summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;

    public Problems Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    // Field names as the JSON spells them ("LeadUnitId" → "leadUnitId"), whichever way the code named them.
    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => Infrastructure.Titles.JsonName(e.Key), e => e.Value.ToArray());

    public void CopyTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var (field, messages) in _errors)
            foreach (var message in messages)
                modelState.AddModelError(prefix.Length > 0 && field.Length > 0 ? $"{prefix}.{field}" : field, message);
    }

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToResult() => TypedResults.ValidationProblem(ToDictionary(), title: Infrastructure.Titles.Invalid);

    public static Problems Of(string field, string message) => new Problems().Add(field, message);
}
