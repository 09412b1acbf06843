using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace DonDoc.Web.Infrastructure;

/// <summary>
/// Model binding refuses input before any validator sees it (an emptied number field, a mangled
/// date); its built-in messages are English. The message sits beside its field, so it need not name it.
/// </summary>
public static class BindingMessages
{
    public static void UseVietnamese(DefaultModelBindingMessageProvider m)
    {
        m.SetValueMustNotBeNullAccessor(_ => "Không được để trống.");
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"Giá trị “{value}” không hợp lệ.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        m.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        m.SetUnknownValueIsInvalidAccessor(_ => "Giá trị không hợp lệ.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        m.SetValueMustBeANumberAccessor(_ => "Phải là một số.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Phải là một số.");
        m.SetMissingBindRequiredValueAccessor(_ => "Thiếu giá trị.");
        m.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
    }
}
