using DonDoc.Web.Data;

namespace DonDoc.Web.Features.Shared;

public static partial class DemoData
{
    public static Task SeedAsync(AppDb db, TimeProvider time) => throw new NotImplementedException();
}
