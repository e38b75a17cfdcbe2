package dev.tacit.arquillian;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real tacit.ear, exactly as built, for test classes' {@code @Deployment} methods. */
public final class TacitDeployment {

    private TacitDeployment() {
    }

    public static EnterpriseArchive ear() {
        String location = System.getProperty("tacit.ear");
        if (location == null) {
            throw new IllegalStateException("system property tacit.ear is not set; run the tests with Maven");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(location));
    }
}
