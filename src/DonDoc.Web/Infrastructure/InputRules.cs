using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DonDoc.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// Rules every input of the API and the pages follows, applied where input is bound so that no
/// endpoint or form can forget them: days lie within <see cref="First"/>…<see cref="Last"/>, and text
/// carries no control characters (<see cref="VnText.WithoutControls"/>).
/// </summary>
public static class InputRules
{
    // No record DonDoc tracks is older than the Republic, and a deadline past 2100 is a typing error
    // (9999-12-31 once made a task page fail adding a day to it).
    public static readonly DateOnly First = new(1945, 1, 1);
    public static readonly DateOnly Last = new(2100, 12, 31);

    public static bool InWindow(DateOnly day) => day >= First && day <= Last;

    public static string OutOfWindow(DateOnly day) =>
        $"Ngày {VnFormat.Date(day)} nằm ngoài khoảng nhận được, từ {VnFormat.Date(First)} đến {VnFormat.Date(Last)}.";

    public static bool YearInWindow(int year) => year >= First.Year && year <= Last.Year;

    public static string YearOutOfWindow(int year) => $"Năm {year} nằm ngoài khoảng nhận được, từ {First.Year} đến {Last.Year}.";

    /// <summary>A day of the JSON body outside the window, refused with the field's path like any value that cannot be read.</summary>
    public sealed class DayOutOfWindow(string message) : JsonException(message);

    /// <summary>JSON bodies: days are checked and text loses its control characters as each property is set.</summary>
    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in info.Properties)
        {
            if (property.Set is not { } set)
                continue;
            if (property.PropertyType == typeof(string))
                property.Set = (o, v) => set(o, v is string s ? VnText.WithoutControls(s) : v);
            else if (property.PropertyType == typeof(DateOnly) || property.PropertyType == typeof(DateOnly?))
                property.Set = (o, v) => set(o, v is DateOnly day && !InWindow(day) ? throw new DayOutOfWindow(OutOfWindow(day)) : v);
        }
    }

    /// <summary>The pages: the same rules for form fields and query values.</summary>
    public static void UseInputRules(this IList<IModelBinderProvider> providers) => providers.Insert(0, new BinderProvider(providers));

    // Wraps the binder the framework would have chosen, so that parsing stays exactly as it was.
    private sealed class BinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = context.Metadata.ModelType;
            if (type == typeof(DateOnly) || type == typeof(DateOnly?))
                return new DayBinder();
            if (type != typeof(string))
                return null;
            var inner = providers.Where(p => p != this).Select(p => p.GetBinder(context)).FirstOrDefault(b => b is not null);
            return inner is null ? null : new Binder(inner);
        }
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            switch (context.Result.Model)
            {
                case string text when context.Result.IsModelSet:
                    context.Result = ModelBindingResult.Success(VnText.WithoutControls(text));
                    break;
            }
        }
    }

    /// <summary>
    /// Days in the pages are typed as the office writes them, dd/MM/yyyy, whatever the browser's language
    /// (a date input shows the browser's order, 12/06/2026 for 6 December in English); yyyy-MM-dd is read
    /// too, for addresses written by links.
    /// </summary>
    private sealed class DayBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var value = context.ValueProvider.GetValue(context.ModelName);
            if (value == ValueProviderResult.None)
                return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, value);
            var text = value.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (context.ModelMetadata.IsReferenceOrNullableType)
                    context.Result = ModelBindingResult.Success(null);
                else
                    context.ModelState.TryAddModelError(context.ModelName, "Chưa nhập ngày.");
                return Task.CompletedTask;
            }
            if (!VnFormat.TryParseDate(text, out var day))
                context.ModelState.TryAddModelError(context.ModelName, $"Ngày “{text}” không đúng dạng ngày/tháng/năm (ví dụ 06/12/2026).");
            else if (!InWindow(day))
                context.ModelState.TryAddModelError(context.ModelName, OutOfWindow(day));
            else
                context.Result = ModelBindingResult.Success(day);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// The API's query values are bound without the pages' binders: one carrying a control character is
    /// refused whole, naming the parameter (PostgreSQL refuses NUL in a query parameter as in a row).
    /// </summary>
    public static Dictionary<string, string[]>? ControlsInQuery(IQueryCollection query)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var (key, values) in query)
        {
            if (values.Any(v => v is not null && VnText.WithoutControls(v) != v) || VnText.WithoutControls(key) != key)
                (errors ??= [])[VnText.WithoutControls(key)] = ["Có ký tự điều khiển (như NUL, ESC) không được nhận."];
        }
        return errors;
    }
}
