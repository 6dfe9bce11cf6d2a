using RsiSim.Agents.Llm.Recording;

namespace RsiSim.Agents.Llm.Http;

/// <summary>The outermost handler: keeps the request as sent (headers redacted) in the call's trace, and buffers its body so retries can resend it.</summary>
internal sealed class CallCaptureHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CallTrace.Current is { } trace)
        {
            trace.Url = request.RequestUri?.ToString();
            var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in request.Headers)
            {
                headers[name] = SecretRedactor.IsSecretHeader(name) ? SecretRedactor.Mask : string.Join(", ", values);
            }
            if (request.Content is not null)
            {
                foreach (var (name, values) in request.Content.Headers)
                {
                    headers[name] = string.Join(", ", values);
                }
                trace.Body = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            trace.Headers = headers;
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
