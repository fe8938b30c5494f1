package com.voxanne.ops.profiles;

import com.voxanne.ops.records.ProfileDao;
import com.voxanne.ops.records.Profile;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The organization's people (profiles): everyone reads them, admins change name, phone, role and status. Blocking. */
public class ProfileService {

    /** What an admin may change on a profile (the database's column grants say the same). */
    public record ProfileEdit(String fullName, String phone, String role, String status) {
    }

    private final Jdbi jdbi;

    public ProfileService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Profile> all() {
        return jdbi.withExtension(ProfileDao.class, ProfileDao::all);
    }

    public SaveResult<Profile> save(Profile base, ProfileEdit edit) {
        return OptimisticWrite.run(jdbi, h -> h.attach(ProfileDao.class).update(base.id(), edit.fullName(), edit.phone(), edit.role(),
                        edit.status(), OptimisticWrite.utc(base.updatedAt())),
                h -> h.attach(ProfileDao.class).find(base.id()), Profile::updatedAt, base.updatedAt());
    }
}
