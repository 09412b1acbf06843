using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port, in this process (the SmtpServer package): it takes whatever
/// DonDoc sends over the wire and keeps each message, parsed, for the test to read. Stopped, its port refuses
/// connections, as an unreachable mail server does.
/// </summary>
public sealed class MailCatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    public MailCatcher()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
        // Listening before anyone is told the port.
        for (var i = 0; ; i++)
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (i < 100)
            {
                Thread.Sleep(50);
            }
    }

    public async Task StopAsync()
    {
        if (_server is null)
            return;
        _server.Shutdown();
        await _server.ShutdownTask;
        await _running;
        _server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, ct));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
