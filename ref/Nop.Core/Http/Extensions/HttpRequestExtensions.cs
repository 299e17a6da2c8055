using Microsoft.AspNetCore.Http;

namespace Nop.Core.Http.Extensions;

public static class HttpRequestExtensions
{
    public static bool IsPostRequest(this HttpRequest request)
    {
        return HttpMethods.IsPost(request.Method);
    }

    public static bool IsGetRequest(this HttpRequest request)
    {
        return HttpMethods.IsGet(request.Method);
    }
}
