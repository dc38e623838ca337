-- One database per subgraph: a department owns its data and never reads another's tables.
CREATE DATABASE IF NOT EXISTS places CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS people CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS enterprises CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS issues CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
