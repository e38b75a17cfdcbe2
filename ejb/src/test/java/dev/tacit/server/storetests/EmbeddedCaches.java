package dev.tacit.server.storetests;

import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/**
 * Local Infinispan caches (the Infinispan WildFly ships), bounded like those of the cache container
 * {@code tacit} in configure-tacit.cli, for tests of the nonce memory kept in them.
 */
public final class EmbeddedCaches implements AutoCloseable {

    private final DefaultCacheManager manager;

    public EmbeddedCaches() {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheContainer().statistics(false);
        manager = new DefaultCacheManager(global.build());
    }

    /** A new local cache named {@code name}, holding at most {@code entries} entries. */
    public <K, V> Cache<K, V> cache(String name, long entries) {
        manager.defineConfiguration(name, new ConfigurationBuilder().memory().maxCount(entries).build());
        return manager.getCache(name);
    }

    @Override
    public void close() {
        manager.stop();
    }
}
