namespace RsiSim.Agents.Llm.Http;

/// <summary>The innermost handler, run once per HTTP attempt: counts it, and reads a plain reply's body whole inside the attempt's timeout.</summary>
/// <remarks>Without the read here a server that sends headers and then stalls would hold the call past its request timeout.</remarks>
internal sealed class AttemptHandler : DelegatingHandler
{
    private const int ErrorBodyExcerpt = 500;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var trace = CallTrace.Current;
        trace?.CountAttempt();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (trace is null)
        {
            return response;
        }
        trace.LastStatus = (int)response.StatusCode;
        if (!trace.Streaming || !response.IsSuccessStatusCode)
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            trace.LastErrorBody = body.Length <= ErrorBodyExcerpt ? body : body[..ErrorBodyExcerpt] + "...";
        }
        return response;
    }
}
