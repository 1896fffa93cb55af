using System.Threading.Channels;
using Npgsql;

namespace Editorial.Web.Infrastructure.Instances;

/// <summary>
/// The instances' link through PostgreSQL LISTEN/NOTIFY: nothing to install beside the database they share.
/// One dedicated connection per instance LISTENs on <see cref="Channel"/> (reconnecting with growing pauses
/// when it drops, then catching up on what it may have missed); published messages are queued and sent with
/// pg_notify over the ordinary connection pool, so a caller never waits for the network.
/// </summary>
public sealed class PostgresInstanceBus : BackgroundService, IInstanceBus, IAsyncDisposable
{
    /// <summary>NOTIFY channels are per database: instances of two newsrooms on one server do not hear each other.</summary>
    public const string Channel = "editorial_events";

    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private const int BatchSize = 200;
    private const int SendAttempts = 3;

    private readonly InstanceIdentity identity;
    private readonly Lazy<InstanceMessageDispatcher> dispatcher;
    private readonly ILogger<PostgresInstanceBus> logger;
    private readonly NpgsqlDataSource sender;
    private readonly string listenConnectionString;

    // Bounded: with the database gone for long, the oldest news is dropped; receivers catch up on reconnect.
    private readonly Channel<InstanceMessage> outgoing = System.Threading.Channels.Channel.CreateBounded<InstanceMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    // Npgsql raises notifications inside WaitAsync; they are acted on elsewhere so the wait goes on at once.
    private readonly Channel<string> incoming = System.Threading.Channels.Channel.CreateUnbounded<string>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int listenerProcessId;

    /// <param name="dispatcher">Asked for when the first message arrives: what it acts on publishes through this bus.</param>
    public PostgresInstanceBus(string connectionString, InstanceIdentity identity, Func<InstanceMessageDispatcher> dispatcher, ILogger<PostgresInstanceBus> logger)
    {
        this.identity = identity;
        this.dispatcher = new Lazy<InstanceMessageDispatcher>(dispatcher);
        this.logger = logger;
        var name = $"editorial-events-{identity.Id:N}"[..31];
        sender = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString).Build();
        listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = name,
            Pooling = false,
            // A connection cut without a word (a restarted server, a dropped NAT entry) is noticed within seconds.
            KeepAlive = 10,
        }.ConnectionString;
    }

    /// <summary>Completes when this instance first LISTENs: from then on it hears the others.</summary>
    public Task Listening => listening.Task;

    /// <summary>The server process of the listening connection (0 when not connected): tests cut it to see the reconnect.</summary>
    public int ListenerProcessId => Volatile.Read(ref listenerProcessId);

    /// <summary>How many times the listening connection was (re)opened.</summary>
    public int Connections { get; private set; }

    public void Publish(InstanceMessage message) => outgoing.Writer.TryWrite(message with { From = identity.Id });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), ActOnIncomingAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenConnectionString);
                connection.Notification += (_, e) => incoming.Writer.TryWrite(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Volatile.Write(ref listenerProcessId, connection.ProcessID);
                Connections++;
                if (Connections > 1)
                {
                    logger.LogInformation("Listening to the other instances again");
                    // Through the same queue as the messages, so it is acted on in order.
                    incoming.Writer.TryWrite(CatchUpMarker);
                }

                listening.TrySetResult();
                retry = FirstRetry;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                Volatile.Write(ref listenerProcessId, 0);
                logger.LogWarning(exception, "Lost the link to the other instances; trying again in {Retry}", retry);
                if (!await PauseAsync(retry, stoppingToken))
                {
                    break;
                }

                retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry;
            }
        }

        incoming.Writer.TryComplete();
    }

    private const string CatchUpMarker = "\u0000catch-up";

    private async Task ActOnIncomingAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in incoming.Reader.ReadAllAsync(stoppingToken))
            {
                if (payload == CatchUpMarker)
                {
                    await CatchUpAsync(stoppingToken);
                }
                else
                {
                    await dispatcher.Value.ReceiveAsync(payload, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await dispatcher.Value.CatchUpAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not catch up after the link to the other instances came back");
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(BatchSize);
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                var signals = new HashSet<string>(StringComparer.Ordinal);
                while (batch.Count < BatchSize && outgoing.Reader.TryRead(out var message))
                {
                    // "Look again" said twice in one batch is said once.
                    if (message.IsSignal && !signals.Add(message.Kind))
                    {
                        continue;
                    }

                    if (InstanceMessageCodec.Encode(message) is { } payload)
                    {
                        batch.Add(payload);
                    }
                    else
                    {
                        logger.LogWarning("An instance message of kind {Kind} is too long to send; dropped", message.Kind);
                    }
                }

                await SendBatchAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendBatchAsync(List<string> payloads, CancellationToken stoppingToken)
    {
        if (payloads.Count == 0)
        {
            return;
        }

        var retry = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await sender.OpenConnectionAsync(stoppingToken);
                await using var batch = new NpgsqlBatch(connection);
                foreach (var payload in payloads)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                    {
                        Parameters = { new() { Value = Channel }, new() { Value = payload } },
                    });
                }

                await batch.ExecuteNonQueryAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (attempt == SendAttempts)
                {
                    // The others catch up when their own link comes back, and poll meanwhile.
                    logger.LogWarning(exception, "Could not tell the other instances about {Count} changes; dropped", payloads.Count);
                    return;
                }

                if (!await PauseAsync(retry, stoppingToken))
                {
                    return;
                }

                retry *= 2;
            }
        }
    }

    private static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        sender.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        base.Dispose();
        await sender.DisposeAsync();
    }
}
